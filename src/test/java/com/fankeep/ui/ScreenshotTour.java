package com.fankeep.ui;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.testing.SampleShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots for the README: the app on the current display at 1366×768 with the sample shop (in a temp folder),
 * every sidebar page and a profile in Chinese, Customers and Win back in English, as PNGs in the folder given
 * (default docs/screenshots). Also lists every label cut on the way. Run: {@code bash installer/linux/screenshots.sh}.
 */
public final class ScreenshotTour {

    /** -Dtour.size=1920x1080 to look at another size (the README's are 1366×768). */
    private static final String[] SIZE = System.getProperty("tour.size", "1366x768").split("x");
    private static final double WIDTH = Double.parseDouble(SIZE[0]);
    private static final double HEIGHT = Double.parseDouble(SIZE[1]);

    private final Path out;
    private final List<String> cut = new ArrayList<>();
    private Stage stage;

    private ScreenshotTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path temp = Files.createTempDirectory("fankeep-tour");
        Path data = temp.resolve("data");
        try (Database db = Database.open(data)) {
            SampleShop.load(new ImportService(db), temp);
            new SettingsService(db).setLanguage(Language.ZH_CN);
        }
        int code = new ScreenshotTour(out).run(data);
        delete(temp);
        System.exit(code);
    }

    private int run(Path data) throws Exception {
        CompletableFuture<Void> shutdown = new CompletableFuture<>();
        FanKeepApp app = new FanKeepApp(new StartOptions(data, Locale.SIMPLIFIED_CHINESE, StartOptions.Opener.of(Database::open), c -> { },
                s -> s.whenComplete((v, e) -> shutdown.complete(null))));
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        app.init();
        onFx(() -> {
            stage = new Stage();
            app.start(stage);
            stage.setMaximized(false);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            stage.setX(0);
            stage.setY(0);
        });
        settle(4000);

        List<String> pages = onFx(() -> navButtons().stream().map(Labeled::getId).toList());
        for (String page : pages) {
            open("#" + page);
            shoot("zh-" + page.replace("nav-", ""));
        }
        open("#nav-customers");
        openFirstCustomer();
        shoot("zh-profile");

        open("#nav-settings");
        open("#language-en");
        open("#nav-customers");
        shoot("en-customers");
        open("#nav-recovery");
        shoot("en-recovery");

        onFx(() -> {
            stage.close();
            return null;
        });
        onFx(() -> {
            app.stop();
            return null;
        });
        shutdown.get(60, TimeUnit.SECONDS);
        Platform.exit();
        System.out.println(cut.isEmpty() ? "No label cut." : "Labels cut:\n  " + String.join("\n  ", cut));
        return 0;
    }

    private List<Labeled> navButtons() {
        List<Labeled> found = new ArrayList<>();
        for (Node n : stage.getScene().getRoot().lookupAll(".nav-button")) {
            found.add((Labeled) n);
        }
        found.sort(java.util.Comparator.comparingInt(n -> n.getParent().getChildrenUnmodifiable().indexOf(n)));
        return found;
    }

    private void open(String id) throws Exception {
        onFx(() -> {
            ((ButtonBase) stage.getScene().getRoot().lookup(id)).fire();
            return null;
        });
        settle(2500);
    }

    private void openFirstCustomer() throws Exception {
        onFx(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll("#customer-table .table-row-cell")) {
                if (n instanceof TableRow<?> row && !row.isEmpty()) {
                    row.getTableView().getSelectionModel().select(row.getIndex());
                    break;
                }
            }
            ((ButtonBase) stage.getScene().getRoot().lookup("#customer-open")).fire();
            return null;
        });
        settle(3000);
    }

    private void shoot(String name) throws Exception {
        WritableImage image = onFx(() -> {
            Parent root = stage.getScene().getRoot();
            Truncations.in(root).forEach(t -> cut.add(name + ": " + t));
            if (System.getProperty("tour.debug") != null) {
                root.lookupAll(".table-view").forEach(n -> {
                    var t = (javafx.scene.control.TableView<?>) n;
                    System.out.println(name + " table " + t.getId() + " " + t.getWidth() + " policy " + t.getColumnResizePolicy() + " "
                            + t.getColumns().stream().map(c -> c.getText() + "=" + Math.round(c.getWidth()) + "[" + Math.round(c.getMinWidth())
                            + "," + Math.round(c.getPrefWidth()) + "," + Math.round(Math.min(c.getMaxWidth(), 99999)) + "]").toList());
                });
            }
            return stage.getScene().snapshot(null);
        });
        Path file = out.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    /** Lets background loads land and the window lay out: a fixed pause, pulses included. */
    private static void settle(long millis) throws Exception {
        Thread.sleep(millis);
        onFx(() -> null);
    }

    /** Runs {@code work} on the FX thread and waits for its answer (PageWalk uses it too). */
    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(5, TimeUnit.MINUTES)) { // a starved machine (load 30) can take a minute
            throw new IllegalStateException("the FX thread did not answer in 5 minutes");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private interface FxRunnable {
        void run() throws Exception;
    }

    private static void onFx(FxRunnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
