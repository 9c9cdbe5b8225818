package org.deskcrm.company.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.company.Company;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.company.CompanyRow;
import org.deskcrm.contact.Contact;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.contact.ui.ContactAdapter;
import org.deskcrm.contact.ui.ContactFields;
import org.deskcrm.contact.ui.ContactList;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.crm.ui.CreateSheet;
import org.deskcrm.crm.ui.CustomFieldsSheet;
import org.deskcrm.crm.ui.DocumentsSection;
import org.deskcrm.crm.ui.EntityScreen;
import org.deskcrm.crm.ui.FieldSpec;
import org.deskcrm.crm.ui.FormContext;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.ListSpec;
import org.deskcrm.crm.ui.ListViewModel;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.crm.ui.RecordAdapter;
import org.deskcrm.crm.ui.RecordListView;
import org.deskcrm.crm.ui.RecordView;
import org.deskcrm.crm.ui.RecordViewModel;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.lead.Lead;
import org.deskcrm.lead.LeadDraft;
import org.deskcrm.lead.LeadRow;
import org.deskcrm.lead.ui.LeadAdapter;
import org.deskcrm.lead.ui.LeadConversionScreens;
import org.deskcrm.lead.ui.LeadFields;
import org.deskcrm.lead.ui.LeadList;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * The CRM screens of one signed-in session, created on first use and linked to each other
 * ("Add contact" on a company opens the contacts screen's form for that company). Holds the pick
 * lists the forms share: colleagues (owners), industries and tags.
 */
final class CrmSession {
    private final Workspace ws;
    private final CrmServices crm;
    private final UserAdminService users;
    private final DocumentsSection documents;
    private final org.deskcrm.merge.MergeService merges;
    private final org.deskcrm.audit.AuditTrail auditTrail;
    private final CurrentUser user;
    private final Messages messages;
    private final Formats formats;
    private final FormContext form;
    private final ObservableList<Option> owners = FXCollections.observableArrayList();
    private final ObservableList<Option> industries = FXCollections.observableArrayList();
    private final ObservableList<Tag> tags = FXCollections.observableArrayList();
    private boolean lookupsLoaded;
    private EntityScreen<CompanyRow, Company> companies;
    private EntityScreen<ContactRow, Contact> contacts;
    private EntityScreen<LeadRow, Lead> leads;
    private List<org.deskcrm.crm.ui.ListTools> listTools = List.of();

    /** @param merges null hides "Merge…"; @param auditTrail null hides the records' History tab */
    CrmSession(Workspace ws, CrmServices crm, UserAdminService users, DocumentsSection documents,
            org.deskcrm.merge.MergeService merges, org.deskcrm.audit.AuditTrail auditTrail) {
        this.ws = ws;
        this.merges = merges;
        this.auditTrail = auditTrail;
        this.crm = crm;
        this.users = users;
        this.documents = documents;
        this.user = ws.user();
        this.messages = ws.messages();
        this.formats = new Formats(messages, ws.zone(), ws.clock());
        this.form = new FormContext(messages, ws.tasks(), formats, owners, industries, tags,
                text -> crm.companies.pick(user, text, 12).stream().map(c -> new Option(c.id(), c.name())).toList(),
                user.can(Resource.TAGS, Action.CREATE) ? this::createTag : null);
    }

    private void loadLookups() {
        if (lookupsLoaded) {
            return;
        }
        lookupsLoaded = true;
        BackgroundTask.of("Loading pick lists", p -> new Lookups(users.colleagues(user),
                        crm.companies.industries(user).stream().map(i -> new Option(i.id(), i.name())).toList(), crm.tags.list(user)))
                .onSuccess(l -> {
                    owners.setAll(Option.ofMap(l.owners()));
                    industries.setAll(l.industries());
                    tags.setAll(l.tags());
                })
                .runOn(ws.tasks());
    }

    private record Lookups(Map<UUID, String> owners, List<Option> industries, List<Tag> tags) {}

    private void createTag(String name, Consumer<Tag> created) {
        String color = org.deskcrm.tag.TagService.PALETTE.get(Math.floorMod(name.hashCode(), org.deskcrm.tag.TagService.PALETTE.size()));
        BackgroundTask.of("Creating tag", p -> crm.tags.create(user, name, color))
                .onSuccess(t -> {
                    tags.add(t);
                    tags.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
                    created.accept(t);
                })
                .runOn(ws.tasks());
    }

    // ---------------------------------------------------------------- companies

    EntityScreen<CompanyRow, Company> companies() {
        if (companies != null) {
            return companies;
        }
        loadLookups();
        var screen = new EntityScreen<CompanyRow, Company>("company");
        ListSpec<CompanyRow> spec = CompanyList.spec();
        var listVm = listVm(spec, Resource.COMPANIES, CompanyList.source(crm, user));
        var list = new RecordListView<>(spec, listVm, ws.loader(), formats, ws.tasks(), id -> screen.open("company", id),
                user.can(Resource.COMPANIES, Action.CREATE) ? () -> createCompany(screen) : null,
                fieldsAction("company", screen::overlayHost, listVm::refresh),
                () -> crm.companies.industries(user).stream().map(i -> new Option(i.id(), i.name())).toList());
        installListTools(list, listVm, spec.entity(), screen::overlayHost, listVm::refresh);
        var adapter = new CompanyAdapter(crm, user, messages, formats);
        var recVm = recordVm(adapter, defs -> CompanyFields.all(messages, defs), Resource.COMPANIES);
        var record = new RecordView<>(recVm, ws.loader(), formats, form, documents, screen::showList,
                (type, id) -> ws.navigator().openRecord(type, id),
                () -> newDeal(recVm, recVm.id()), screen::showList);
        record.setNewContactAction(() -> {
            Company c = recVm.recordProperty().get();
            ws.navigator().show("contacts");
            createContact(contacts(), c.id(), c.name());
        });
        installMerge(list, listVm, screen, org.deskcrm.merge.MergeKind.COMPANY);
        installHistory(record, recVm, "companies");
        screen.attach(list, record);
        companies = screen;
        return screen;
    }

    private void createCompany(EntityScreen<CompanyRow, Company> screen) {
        withDefinitions("company", defs -> {
            Map<String, Object> initial = CompanyDraft.named(null, user.userId()).values();
            CreateSheet.show(screen.overlayHost(), messages, ws.tasks(), form, "company", CompanyFields.forCreate(messages, defs),
                    initial, Map.of(), new CreateSheet.Creator() {
                        @Override
                        public List<org.deskcrm.crm.DuplicateMatch> duplicates(Map<String, Object> values) {
                            return crm.companies.duplicates(user, CompanyDraft.of(values), null);
                        }

                        @Override
                        public UUID create(Map<String, Object> values) {
                            return crm.companies.create(user, CompanyDraft.of(values)).id();
                        }
                    }, id -> {
                        screen.markListStale();
                        screen.open("company", id);
                    }, m -> () -> ws.navigator().openRecord(m.entityType(), m.id()));
        });
    }

    // ---------------------------------------------------------------- contacts

    EntityScreen<ContactRow, Contact> contacts() {
        if (contacts != null) {
            return contacts;
        }
        loadLookups();
        var screen = new EntityScreen<ContactRow, Contact>("contact");
        ListSpec<ContactRow> spec = ContactList.spec();
        var listVm = listVm(spec, Resource.CONTACTS, ContactList.source(crm, user));
        var list = new RecordListView<>(spec, listVm, ws.loader(), formats, ws.tasks(), id -> screen.open("contact", id),
                user.can(Resource.CONTACTS, Action.CREATE) ? () -> createContact(screen, null, null) : null,
                fieldsAction("contact", screen::overlayHost, listVm::refresh), null);
        installListTools(list, listVm, spec.entity(), screen::overlayHost, () -> {
            listVm.refresh();
            if (companies != null) {
                companies.markListStale(); // imported contacts may bring new companies
            }
        });
        var adapter = new ContactAdapter(crm, user, messages, formats);
        var recVm = recordVm(adapter, defs -> ContactFields.all(messages, defs), Resource.CONTACTS);
        var record = new RecordView<>(recVm, ws.loader(), formats, form, documents, screen::showList,
                (type, id) -> ws.navigator().openRecord(type, id),
                () -> {
                    Contact c = recVm.recordProperty().get();
                    if (c.fields().companyId() == null) {
                        recVm.errorProperty().set(messages.get("crm.deal.needsCompany"));
                    } else {
                        newDeal(recVm, c.fields().companyId());
                    }
                }, screen::showList);
        installMerge(list, listVm, screen, org.deskcrm.merge.MergeKind.CONTACT);
        installHistory(record, recVm, "contacts");
        screen.attach(list, record);
        contacts = screen;
        return screen;
    }

    private void createContact(EntityScreen<ContactRow, Contact> screen, UUID companyId, String companyName) {
        withDefinitions("contact", defs -> {
            Map<String, Object> initial = ContactDraft.named(null, null, companyId, user.userId()).values();
            Map<String, String> names = companyId == null ? Map.of() : Map.of("company_id", companyName);
            CreateSheet.show(screen.overlayHost(), messages, ws.tasks(), form, "contact", ContactFields.forCreate(messages, defs),
                    initial, names, new CreateSheet.Creator() {
                        @Override
                        public List<org.deskcrm.crm.DuplicateMatch> duplicates(Map<String, Object> values) {
                            return crm.contacts.duplicates(user, ContactDraft.of(values), null);
                        }

                        @Override
                        public UUID create(Map<String, Object> values) {
                            return crm.contacts.create(user, ContactDraft.of(values)).id();
                        }
                    }, id -> {
                        screen.markListStale();
                        if (companies != null) {
                            companies.markListStale();
                        }
                        screen.open("contact", id);
                    }, m -> () -> ws.navigator().openRecord(m.entityType(), m.id()));
        });
    }

    // ---------------------------------------------------------------- leads

    EntityScreen<LeadRow, Lead> leads() {
        if (leads != null) {
            return leads;
        }
        loadLookups();
        var screen = new EntityScreen<LeadRow, Lead>("lead");
        ListSpec<LeadRow> spec = LeadList.spec();
        var listVm = listVm(spec, Resource.LEADS, LeadList.source(crm, user));
        var list = new RecordListView<>(spec, listVm, ws.loader(), formats, ws.tasks(), id -> screen.open("lead", id),
                user.can(Resource.LEADS, Action.CREATE) ? () -> createLead(screen) : null,
                fieldsAction("lead", screen::overlayHost, listVm::refresh), null);
        installListTools(list, listVm, spec.entity(), screen::overlayHost, listVm::refresh);
        var adapter = new LeadAdapter(crm, user, messages, formats);
        var recVm = recordVm(adapter, defs -> LeadFields.all(messages, defs), Resource.LEADS);
        var record = new RecordView<>(recVm, ws.loader(), formats, form, documents, screen::showList,
                (type, id) -> ws.navigator().openRecord(type, id), null, screen::showList);
        LeadConversionScreens.install(record, recVm, crm, ws, () -> {
            screen.markListStale();
            if (contacts != null) {
                contacts.markListStale();
            }
            if (companies != null) {
                companies.markListStale();
            }
        });
        installHistory(record, recVm, "leads");
        screen.attach(list, record);
        leads = screen;
        return screen;
    }

    private void createLead(EntityScreen<LeadRow, Lead> screen) {
        withDefinitions("lead", defs -> {
            Map<String, Object> initial = LeadDraft.named(null, null, null, user.userId()).values();
            CreateSheet.show(screen.overlayHost(), messages, ws.tasks(), form, "lead", LeadFields.forCreate(messages, defs), initial,
                    Map.of(), new CreateSheet.Creator() {
                        @Override
                        public List<org.deskcrm.crm.DuplicateMatch> duplicates(Map<String, Object> values) {
                            return crm.leads.duplicates(user, LeadDraft.of(values), null);
                        }

                        @Override
                        public UUID create(Map<String, Object> values) {
                            return crm.leads.create(user, LeadDraft.of(values)).id();
                        }
                    }, id -> {
                        screen.markListStale();
                        screen.open("lead", id);
                    }, m -> () -> ws.navigator().openRecord(m.entityType(), m.id()));
        });
    }

    // ---------------------------------------------------------------- merge and history

    private <R, T> void installMerge(RecordListView<R> list, ListViewModel<R> listVm, EntityScreen<R, T> screen,
            org.deskcrm.merge.MergeKind kind) {
        if (!user.can(kind.resource(), Action.UPDATE)) {
            return;
        }
        list.setMergeAction(ids -> {
            var vm = new org.deskcrm.merge.ui.MergeViewModel(merges, user, ws.tasks(), messages, kind, ids.get(0), ids.get(1));
            org.deskcrm.merge.ui.MergeSheet.show(screen.overlayHost(), vm, messages, formats, result -> {
                String kept = vm.kept().displayName();
                String gone = vm.merged().displayName();
                listVm.refresh();
                if (kind == org.deskcrm.merge.MergeKind.COMPANY && contacts != null) {
                    contacts.markListStale();
                }
                screen.open(kind.entityType(), result.survivorId());
                screen.record().viewModel().messageProperty().set(messages.get("merge.done", kept, gone, result.movedTotal()));
            });
        });
    }

    /** The record's audit trail in a History tab, loaded only while the tab is showing. */
    private <T> void installHistory(RecordView<T> record, RecordViewModel<T> vm, String table) {
        var history = new org.deskcrm.audit.ui.RecordHistoryPanel(ws, auditTrail);
        history.setValueFormatter((field, value) -> {
            if (value == null) {
                return null;
            }
            List<Option> names = field.equals("owner_id") || field.equals("assigned_to") ? owners
                    : field.equals("industry_id") ? industries : null;
            return names == null ? value : names.stream().filter(o -> value.equals(String.valueOf(o.value()))).map(Option::label)
                    .findFirst().orElse(value);
        });
        var box = new javafx.scene.layout.VBox(history.root());
        javafx.scene.layout.VBox.setVgrow(history.root(), javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(10));
        var tab = record.addTab("history", messages.get("crm.tab.history"), box);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                history.onActivate();
            } else {
                history.onDeactivate();
            }
        });
        vm.recordProperty().addListener((o, before, after) -> {
            if (after == null) {
                history.clear();
            } else {
                history.show(table, vm.id());
            }
        });
    }

    // ---------------------------------------------------------------- shared

    void setListTools(List<org.deskcrm.crm.ui.ListTools> tools) {
        this.listTools = tools;
    }

    /** Other features' toolbar items (import/export) for a list; {@code changed} reloads it after an import. */
    private void installListTools(RecordListView<?> list, ListViewModel<?> vm, String entity,
            java.util.function.Supplier<javafx.scene.layout.StackPane> host, Runnable changed) {
        var context = new org.deskcrm.crm.ui.ListTools.ListContext(ws, entity, vm, host, changed);
        listTools.forEach(t -> list.addToolbarItems(t.toolbarItems(context)));
    }

    private <R> ListViewModel<R> listVm(ListSpec<R> spec, Resource resource, org.deskcrm.crm.ui.ListSource<R> source) {
        return new ListViewModel<>(spec.entity(), resource, user, source, crm.savedViews, crm.tags, () -> users.colleagues(user),
                ws.tasks(), messages, SortOrder.asc("name"), spec.defaultColumns());
    }

    private <T> RecordViewModel<T> recordVm(RecordAdapter<T> adapter,
            java.util.function.Function<List<CustomFieldDefinition>, List<FieldSpec>> fields, Resource resource) {
        return new RecordViewModel<>(adapter, fields, crm.activities, crm.notes, user, resource, ws.tasks(), messages, ws.zone());
    }

    private Runnable fieldsAction(String entityType, java.util.function.Supplier<javafx.scene.layout.StackPane> host,
            Runnable changed) {
        if (!crm.customFields.canManage(user)) {
            return null;
        }
        return () -> CustomFieldsSheet.show(host.get(), messages, ws.tasks(), crm.customFields, user, entityType, changed);
    }

    private void withDefinitions(String entityType, Consumer<List<CustomFieldDefinition>> then) {
        BackgroundTask.of("Loading fields", p -> crm.customFields.definitions(user, entityType)).onSuccess(then).runOn(ws.tasks());
    }

    /** Hands over to the pipeline's deal form; until that feature is installed, says so. */
    private void newDeal(RecordViewModel<?> vm, UUID companyId) {
        if (!ws.navigator().openRecord("new-deal", companyId)) {
            vm.errorProperty().set(messages.get("crm.deal.unavailable"));
        }
    }

}
