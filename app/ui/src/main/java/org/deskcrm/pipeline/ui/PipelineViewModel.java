package org.deskcrm.pipeline.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.deal.BoardFilter;
import org.deskcrm.deal.CardPage;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.DealService;
import org.deskcrm.deal.DealStatus;
import org.deskcrm.deal.ListSort;
import org.deskcrm.deal.MoveRequest;
import org.deskcrm.deal.MoveResult;
import org.deskcrm.deal.Options;
import org.deskcrm.deal.StageColumn;
import org.deskcrm.pipeline.ForecastService;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineService;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The pipeline screen's state: the chosen pipeline, the filters, the board columns (cards loaded
 * page by page), the list, and the deal detail request. Moves are applied to the board at once
 * and confirmed by the service; a refused move puts the card back and says why.
 */
public final class PipelineViewModel {
    public enum Mode { BOARD, LIST, FORECAST }

    public enum Direction { LEFT, RIGHT, UP, DOWN }

    /** A move into a closed stage: the view asks the user for the reason. */
    public record ReasonRequest(DealCard card, PipelineStage stage) {}

    /** The user's answer; {@code reason} may be blank for a won stage. */
    public record Reason(String reason, String details, String competitor, String note) {}

    @FunctionalInterface
    public interface ReasonPrompt {
        Optional<Reason> ask(ReasonRequest request);
    }

    public static final int PAGE = 50;

    private final CurrentUser user;
    private final DealService deals;
    private final PipelineService pipelines;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    private final ObservableList<Pipeline> pipelineList = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObservableList<BoardColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<Options.Person> members = FXCollections.observableArrayList();
    private final ObservableList<Options.Tag> tagOptions = FXCollections.observableArrayList();
    private final ObjectProperty<Options.Person> ownerFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Options.Tag> tagFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> closeFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> closeTo = new SimpleObjectProperty<>();
    private final StringProperty minValue = new SimpleStringProperty("");
    private final StringProperty maxValue = new SimpleStringProperty("");
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final ObjectProperty<DealStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.BOARD);
    private final ObservableList<DealCard> listRows = FXCollections.observableArrayList();
    private final ObjectProperty<ListSort> listSort = new SimpleObjectProperty<>(ListSort.CLOSE_DATE);
    private final BooleanProperty listHasMore = new SimpleBooleanProperty();
    private final IntegerProperty staleDays = new SimpleIntegerProperty(14);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<UUID> focusDeal = new SimpleObjectProperty<>();
    private final ObjectProperty<DetailRequest> detail = new SimpleObjectProperty<>();
    private final StringProperty organizationCurrency = new SimpleStringProperty("USD");
    private final IntegerProperty boardVersion = new SimpleIntegerProperty();

    private ReasonPrompt reasonPrompt = r -> Optional.empty();
    private TaskHandle boardTask;
    private TaskHandle listTask;
    private boolean started;
    private boolean suppressReload;

    public PipelineViewModel(CurrentUser user, DealService deals, PipelineService pipelines, TaskRunner tasks,
            Messages messages, Clock clock, ZoneId zone) {
        this.user = user;
        this.deals = deals;
        this.pipelines = pipelines;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        pipeline.addListener((o, a, b) -> reload());
        ownerFilter.addListener((o, a, b) -> reload());
        tagFilter.addListener((o, a, b) -> reload());
        closeFrom.addListener((o, a, b) -> reload());
        closeTo.addListener((o, a, b) -> reload());
        statusFilter.addListener((o, a, b) -> reload());
        listSort.addListener((o, a, b) -> reload());
        mode.addListener((o, a, b) -> reload());
    }

    // ------------------------------------------------------------------ properties

    public CurrentUser user() {
        return user;
    }

    public ObservableList<Pipeline> pipelines() {
        return pipelineList;
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return pipeline;
    }

    public ObservableList<BoardColumn> columns() {
        return columns;
    }

    public ObservableList<Options.Person> members() {
        return members;
    }

    public ObservableList<Options.Tag> tagOptions() {
        return tagOptions;
    }

    public ObjectProperty<Options.Person> ownerFilterProperty() {
        return ownerFilter;
    }

    public ObjectProperty<Options.Tag> tagFilterProperty() {
        return tagFilter;
    }

    public ObjectProperty<LocalDate> closeFromProperty() {
        return closeFrom;
    }

    public ObjectProperty<LocalDate> closeToProperty() {
        return closeTo;
    }

    public StringProperty minValueProperty() {
        return minValue;
    }

    public StringProperty maxValueProperty() {
        return maxValue;
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public ObjectProperty<DealStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<DealCard> listRows() {
        return listRows;
    }

    public ObjectProperty<ListSort> listSortProperty() {
        return listSort;
    }

    public BooleanProperty listHasMoreProperty() {
        return listHasMore;
    }

    public IntegerProperty staleDaysProperty() {
        return staleDays;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObjectProperty<UUID> focusDealProperty() {
        return focusDeal;
    }

    public ObjectProperty<DetailRequest> detailProperty() {
        return detail;
    }

    public StringProperty organizationCurrencyProperty() {
        return organizationCurrency;
    }

    /** Bumped when the board was rebuilt (the view re-creates its columns). */
    public IntegerProperty boardVersionProperty() {
        return boardVersion;
    }

    public void setReasonPrompt(ReasonPrompt prompt) {
        this.reasonPrompt = prompt;
    }

    public boolean canCreate() {
        return DealService.canCreate(user);
    }

    public boolean canManageStages() {
        return PipelineService.canManage(user);
    }

    public boolean canViewForecast() {
        return ForecastService.canView(user);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public boolean isStale(DealCard card) {
        return card.stale(now(), staleDays.get());
    }

    /** The stage of a card, from the board's columns. */
    public Optional<PipelineStage> stageOf(UUID stageId) {
        return columns.stream().map(BoardColumn::stage).filter(s -> s.id().equals(stageId)).findFirst();
    }

    // ------------------------------------------------------------------ loading

    /** First show: reference data (pipelines, colleagues, tags, preferences), then the board. */
    public void activate() {
        if (started) {
            return;
        }
        started = true;
        loadReferenceData(null);
    }

    /** Re-reads the pipelines (after administration) and keeps the chosen one if it still exists. */
    public void refreshPipelines() {
        loadReferenceData(pipeline.get() == null ? null : pipeline.get().id());
    }

    private record Reference(List<Pipeline> pipelines, Pipeline preferred, List<Options.Person> members,
            List<Options.Tag> tags, int staleDays, String currency) {}

    private void loadReferenceData(UUID keep) {
        loading.set(true);
        BackgroundTask.of(messages.get("pipeline.task.loading"), p -> {
                    List<Pipeline> list = pipelines.pipelines(user);
                    Pipeline preferred = list.stream().filter(x -> x.id().equals(keep)).findFirst()
                            .orElseGet(() -> list.stream().filter(Pipeline::isDefault).findFirst()
                                    .orElse(list.isEmpty() ? null : list.getFirst()));
                    return new Reference(list, preferred, deals.members(user), deals.tags(user), deals.staleDays(user),
                            deals.organizationCurrency(user));
                })
                .onSuccess(ref -> {
                    suppressReload = true;
                    try {
                        pipelineList.setAll(ref.pipelines());
                        members.setAll(ref.members());
                        tagOptions.setAll(ref.tags());
                        staleDays.set(ref.staleDays());
                        organizationCurrency.set(ref.currency());
                        pipeline.set(ref.preferred());
                    } finally {
                        suppressReload = false;
                    }
                    if (ref.preferred() == null) {
                        showError(messages.get("pipeline.noPipeline"));
                    }
                    reload();
                })
                .onFailure(this::showError)
                .onFinally(() -> loading.set(false))
                .runOn(tasks);
    }

    /** Reloads what the current mode shows (the forecast reloads itself). */
    public void reload() {
        if (suppressReload || !started || pipeline.get() == null) {
            return;
        }
        switch (mode.get()) {
            case BOARD -> loadBoard();
            case LIST -> loadList();
            case FORECAST -> { }
            default -> throw new IllegalStateException();
        }
    }

    /** The text filters (value range, name) apply when the user commits them. */
    public void applyFilters() {
        reload();
    }

    public void clearFilters() {
        suppressReload = true;
        try {
            ownerFilter.set(null);
            tagFilter.set(null);
            closeFrom.set(null);
            closeTo.set(null);
            minValue.set("");
            maxValue.set("");
            nameFilter.set("");
            statusFilter.set(null);
        } finally {
            suppressReload = false;
        }
        reload();
    }

    public BoardFilter filter() {
        return new BoardFilter(ownerFilter.get() == null ? null : ownerFilter.get().id(),
                tagFilter.get() == null ? null : tagFilter.get().id(), closeFrom.get(), closeTo.get(),
                parse(minValue.get()), parse(maxValue.get()), nameFilter.get(), statusFilter.get());
    }

    public boolean hasFilters() {
        return !filter().isEmpty();
    }

    private static BigDecimal parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void loadBoard() {
        if (boardTask != null) {
            boardTask.requestCancel();
        }
        Pipeline p = pipeline.get();
        BoardFilter f = filter();
        loading.set(true);
        boardTask = BackgroundTask.of(messages.get("pipeline.task.board"), progress -> deals.board(user, p.id(), f, PAGE, progress))
                .onSuccess(list -> {
                    if (!p.equals(pipeline.get())) {
                        return;
                    }
                    columns.setAll(list.stream().map(PipelineViewModel::column).toList());
                    boardVersion.set(boardVersion.get() + 1);
                })
                .onFailure(this::showError)
                .onFinally(() -> loading.set(false))
                .runOn(tasks);
    }

    private static BoardColumn column(StageColumn c) {
        var col = new BoardColumn(c.stage());
        col.cards().setAll(c.page().cards());
        col.totalsProperty().set(c.totals());
        col.hasMoreProperty().set(c.page().hasMore());
        return col;
    }

    /** The next page of a column (the view asks when its last card scrolls into view). */
    public void loadMore(BoardColumn col) {
        if (!col.hasMoreProperty().get() || col.loadingProperty().get() || col.cards().isEmpty()) {
            return;
        }
        Pipeline p = pipeline.get();
        BoardFilter f = filter();
        DealCard last = col.cards().getLast();
        col.loadingProperty().set(true);
        BackgroundTask.of(messages.get("pipeline.task.more"), progress -> deals.column(user, p.id(), col.stage().id(), f, last, PAGE))
                .onSuccess(page -> {
                    col.cards().addAll(page.cards());
                    col.hasMoreProperty().set(page.hasMore());
                })
                .onFailure(this::showError)
                .onFinally(() -> col.loadingProperty().set(false))
                .runOn(tasks);
    }

    private void reloadColumn(BoardColumn col, UUID focus) {
        Pipeline p = pipeline.get();
        BoardFilter f = filter();
        record Fresh(CardPage page, org.deskcrm.deal.StageTotals totals) {}
        BackgroundTask.of(messages.get("pipeline.task.more"), progress -> new Fresh(
                        deals.column(user, p.id(), col.stage().id(), f, null, PAGE), deals.totals(user, p.id(), col.stage().id(), f)))
                .onSuccess(fresh -> {
                    col.cards().setAll(fresh.page().cards());
                    col.hasMoreProperty().set(fresh.page().hasMore());
                    col.totalsProperty().set(fresh.totals());
                    if (focus != null) {
                        focusDeal.set(null);
                        focusDeal.set(focus);
                    }
                })
                .onFailure(this::showError)
                .runOn(tasks);
    }

    private void refreshTotals(BoardColumn col) {
        Pipeline p = pipeline.get();
        BoardFilter f = filter();
        BackgroundTask.of(messages.get("pipeline.task.totals"), progress -> deals.totals(user, p.id(), col.stage().id(), f))
                .onSuccess(col.totalsProperty()::set)
                .onFailure(this::showError)
                .runOn(tasks);
    }

    // ------------------------------------------------------------------ moves

    public Optional<BoardColumn> columnOf(UUID stageId) {
        return columns.stream().filter(c -> c.stage().id().equals(stageId)).findFirst();
    }

    /** Whether this user may drag the card (the card carries the write rule's answer). */
    public boolean canMove(DealCard card) {
        return card != null && card.editable();
    }

    /**
     * Drops a card into a column right after {@code afterId} or right before {@code beforeId}
     * (neither: at the end). Closed stages first ask for the reason.
     */
    public void drop(DealCard card, BoardColumn target, UUID afterId, UUID beforeId) {
        if (!canMove(card)) {
            showError(messages.get("pipeline.move.readOnly", card == null ? "" : card.name()));
            return;
        }
        BoardColumn from = columnOf(card.stageId()).orElse(null);
        if (from == null) {
            return;
        }
        if (card.id().equals(afterId) || card.id().equals(beforeId)) {
            return;
        }
        if (from == target) {
            int i = from.indexOf(card.id());
            boolean noChange = (afterId != null && i > 0 && from.cards().get(i - 1).id().equals(afterId))
                    || (beforeId != null && i + 1 < from.cards().size() && from.cards().get(i + 1).id().equals(beforeId))
                    || (afterId == null && beforeId == null && i == from.cards().size() - 1 && !from.hasMoreProperty().get());
            if (noChange) {
                return;
            }
        }
        Reason reason = null;
        PipelineStage stage = target.stage();
        if (from != target && stage.closed()) {
            Optional<Reason> answer = reasonPrompt.ask(new ReasonRequest(card, stage));
            if (answer.isEmpty()) {
                return;
            }
            reason = answer.get();
        }
        // Show the move at once; the service confirms it (or the card goes back).
        from.cards().remove(card);
        int at = placeIndex(target, afterId, beforeId);
        if (at >= 0) {
            target.cards().add(at, card);
        }
        var request = new MoveRequest(card.id(), card.version(), stage.id(), afterId, beforeId,
                reason == null ? null : reason.note(), reason == null ? null : reason.reason(),
                reason == null ? null : reason.details(), reason == null ? null : reason.competitor());
        BackgroundTask.of(messages.get("pipeline.task.move", card.name()), p -> deals.move(user, request))
                .onSuccess(result -> moved(result, from, target))
                .onFailure(error -> {
                    showError(error instanceof StaleRecordException
                            ? messages.get("pipeline.move.stale", card.name()) : error.getMessage());
                    reloadColumn(from, null);
                    if (target != from) {
                        reloadColumn(target, null);
                    }
                })
                .runOn(tasks);
    }

    private static int placeIndex(BoardColumn target, UUID afterId, UUID beforeId) {
        if (afterId != null) {
            int i = target.indexOf(afterId);
            return i < 0 ? -1 : i + 1;
        }
        if (beforeId != null) {
            int i = target.indexOf(beforeId);
            return i < 0 ? -1 : i;
        }
        return target.hasMoreProperty().get() ? -1 : target.cards().size();
    }

    private void moved(MoveResult result, BoardColumn from, BoardColumn target) {
        DealCard card = result.card();
        int i = target.indexOf(card.id());
        if (i >= 0) {
            target.cards().set(i, card);
        }
        message.set("");
        if (result.renumbered()) {
            reloadColumn(target, card.id());
        } else {
            refreshTotals(target);
            focusDeal.set(null);
            focusDeal.set(card.id());
        }
        if (from != target) {
            refreshTotals(from);
        }
    }

    /** Ctrl+arrow on a selected card: next/previous stage (to the top of it), or one place up/down. */
    public void moveByKeyboard(DealCard card, Direction direction) {
        BoardColumn col = columnOf(card.stageId()).orElse(null);
        if (col == null) {
            return;
        }
        int c = columns.indexOf(col);
        int i = col.indexOf(card.id());
        switch (direction) {
            case LEFT, RIGHT -> {
                int t = direction == Direction.LEFT ? c - 1 : c + 1;
                if (t < 0 || t >= columns.size()) {
                    return;
                }
                BoardColumn target = columns.get(t);
                UUID first = target.cards().isEmpty() ? null : target.cards().getFirst().id();
                drop(card, target, null, first);
            }
            case UP -> {
                if (i > 0) {
                    drop(card, col, null, col.cards().get(i - 1).id());
                }
            }
            case DOWN -> {
                if (i >= 0 && i + 1 < col.cards().size()) {
                    drop(card, col, col.cards().get(i + 1).id(), null);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    // ------------------------------------------------------------------ list

    private void loadList() {
        if (listTask != null) {
            listTask.requestCancel();
        }
        Pipeline p = pipeline.get();
        BoardFilter f = filter();
        ListSort sort = listSort.get();
        loading.set(true);
        listTask = BackgroundTask.of(messages.get("pipeline.task.list"), progress -> deals.list(user, p.id(), f, sort, null, PAGE))
                .onSuccess(page -> {
                    listRows.setAll(page.cards());
                    listHasMore.set(page.hasMore());
                })
                .onFailure(this::showError)
                .onFinally(() -> loading.set(false))
                .runOn(tasks);
    }

    public void loadMoreList() {
        if (!listHasMore.get() || listRows.isEmpty() || loading.get()) {
            return;
        }
        Pipeline p = pipeline.get();
        BoardFilter f = filter();
        ListSort sort = listSort.get();
        DealCard last = listRows.getLast();
        loading.set(true);
        BackgroundTask.of(messages.get("pipeline.task.list"), progress -> deals.list(user, p.id(), f, sort, last, PAGE))
                .onSuccess(page -> {
                    listRows.addAll(page.cards());
                    listHasMore.set(page.hasMore());
                })
                .onFailure(this::showError)
                .onFinally(() -> loading.set(false))
                .runOn(tasks);
    }

    // ------------------------------------------------------------------ preferences, details

    public void setStaleDays(int days) {
        if (days == staleDays.get()) {
            return;
        }
        BackgroundTask.of(messages.get("pipeline.task.preferences"), p -> {
                    deals.setStaleDays(user, days);
                    return days;
                })
                .onSuccess(staleDays::set)
                .onFailure(this::showError)
                .runOn(tasks);
    }

    public void openDeal(UUID dealId) {
        detail.set(DetailRequest.existing(dealId));
    }

    /** A new deal in the shown pipeline (and stage, when given), for a company when given. */
    public void newDeal(UUID stageId, UUID companyId) {
        detail.set(DetailRequest.create(pipeline.get() == null ? null : pipeline.get().id(), stageId, companyId));
    }

    public void closeDetail(boolean changed) {
        detail.set(null);
        if (changed) {
            reload();
        }
    }

    public void showError(Throwable error) {
        showError(error.getMessage() == null ? messages.get("common.error") : error.getMessage());
    }

    public void showError(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public void showInfo(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    public void dismissMessage() {
        message.set("");
    }
}
