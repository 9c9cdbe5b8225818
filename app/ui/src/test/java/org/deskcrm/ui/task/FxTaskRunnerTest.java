package org.deskcrm.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cancelling is cooperative: the worker thread is never interrupted, because an interrupt during
 * H2 file I/O closes the embedded database for the rest of the session.
 */
class FxTaskRunnerTest {
    private final FxTaskRunner runner = new FxTaskRunner(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void cancelDoesNotInterruptTheWorkerAndDropsTheResult() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var sawInterrupt = new AtomicBoolean();
        var sawCancelled = new AtomicBoolean();
        var finished = new CountDownLatch(1);
        var cancelledCallback = new CountDownLatch(1);
        var succeeded = new AtomicBoolean();
        var handle = new AtomicReference<TaskHandle>();

        Platform.runLater(() -> handle.set(BackgroundTask.of("work", p -> {
                    started.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    sawInterrupt.set(Thread.currentThread().isInterrupted());
                    sawCancelled.set(p.isCancelled());
                    finished.countDown();
                    return "done";
                })
                .onSuccess(v -> succeeded.set(true))
                .onCancelled(cancelledCallback::countDown)
                .runOn(runner)));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        WaitForAsyncUtils.asyncFx(() -> handle.get().requestCancel()).get(30, TimeUnit.SECONDS);
        assertThat(cancelledCallback.await(30, TimeUnit.SECONDS)).as("the cancel callback runs").isTrue();
        release.countDown();
        assertThat(finished.await(30, TimeUnit.SECONDS)).as("the work ran to its end").isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sawInterrupt).as("the worker thread was not interrupted").isFalse();
        assertThat(sawCancelled).as("the work can see the cancel").isTrue();
        assertThat(succeeded).as("a cancelled task's result is dropped").isFalse();
        assertThat(handle.get().isCancelled()).isTrue();
    }

    @Test
    void shutdownLetsRunningWorkFinishWithoutAnInterrupt() throws Exception {
        var started = new CountDownLatch(1);
        var sawInterrupt = new AtomicBoolean(true);
        var finished = new CountDownLatch(1);
        Platform.runLater(() -> BackgroundTask.of("work", p -> {
                    started.countDown();
                    // Cooperative work: runs until it sees the cancel, the way imports and exports do.
                    while (!p.isCancelled() && !Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    sawInterrupt.set(Thread.currentThread().isInterrupted());
                    finished.countDown();
                    return null;
                }).runOn(runner));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(runner::shutdown).get(30, TimeUnit.SECONDS);
        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sawInterrupt).as("shutdown asks, it does not interrupt").isFalse();
    }
}
