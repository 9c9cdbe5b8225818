package org.deskcrm.bench.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Prints {@code FIRST_FRAME} on standard output when the first window has been painted: the
 * window's SHOWN event starts a pulse timer, and its second tick (the start of the pulse after the
 * one that rendered the window) marks the end of the first frame. Installed from a daemon thread
 * before the application starts, so the app's code is unchanged.
 */
public final class FirstFrame {
    private FirstFrame() {}

    public static void install(Runnable afterFirstFrame) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Platform.runLater(() -> watch(afterFirstFrame));
                    return;
                } catch (IllegalStateException notYetStarted) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "first-frame-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(Runnable afterFirstFrame) {
        boolean[] done = {false};
        Runnable onShown = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            afterPaint(() -> {
                System.out.println("FIRST_FRAME");
                System.out.flush();
                if (afterFirstFrame != null) {
                    afterFirstFrame.run();
                }
            });
        };
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                onShown.run();
                return;
            }
            w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> onShown.run());
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (w.isShowing()) {
                        onShown.run();
                    } else {
                        w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> onShown.run());
                    }
                }
            }
        });
    }

    /** Runs {@code then} (on the FX thread) once the next pulse has been rendered. */
    public static void afterPaint(Runnable then) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
