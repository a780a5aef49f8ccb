package com.fankeep.ui;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.SampleShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A walk for eyes, not a test: the app on the current display at 1366×768 with the sample shop plus one group, gift
 * campaign and launch, in Chinese then English; every sidebar page, every tab on it, and every dialog a button ending in
 * "…" opens (file choosers left out), each shot as the X screen shows it ({@code import -window root}) into the folder
 * given, with the cut labels {@link Truncations} finds listed at the end. Run like {@code installer/linux/screenshots.sh}
 * with {@code com.fankeep.ui.PageWalk OUT} ({@code OUT --empty}: an empty shop instead).
 */
public final class PageWalk {

    /** Buttons ending in "…" that open a file chooser or start a job rather than a dialog of ours. */
    private static final Set<String> SKIP = Set.of("export", "import", "backup", "restore", "vcard", "shipping", "tracking", "file",
            "choose", "folder", "pick-file", "report-xlsx");

    private final Path out;
    private final boolean empty;
    private final String display;
    private final List<String> cut = new ArrayList<>();
    private final Set<String> opened = new LinkedHashSet<>();
    private Stage stage;
    private int shot;

    private PageWalk(Path out, boolean empty) {
        this.out = out;
        this.empty = empty;
        this.display = System.getenv("DISPLAY");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/walk");
        boolean empty = List.of(args).contains("--empty"); // a new owner's empty shop: the empty states
        Files.createDirectories(out);
        Path temp = Files.createTempDirectory("fankeep-walk");
        Path data = temp.resolve("data");
        try (Database db = Database.open(data)) {
            if (!empty) {
                SampleShop.load(new ImportService(db), temp);
            }
            new SettingsService(db).setLanguage(Language.ZH_CN);
        }
        if (!empty) {
            fill(data);
        }
        new PageWalk(out, empty).run(data);
        ScreenshotTour.delete(temp);
        System.exit(0);
    }

    /** A group, a gift campaign with claims and a launch with votes, so those pages show more than their empty state. */
    private static void fill(Path data) {
        InProcessCli cli = InProcessCli.over(data);
        String today = LocalDate.now().toString();
        String later = LocalDate.now().plusDays(7).toString();
        cli.run("group", "create", "老粉群", "--kind", "wechat", "--capacity", "500");
        cli.run("group", "add", "老粉群", "1,2,3,4,5");
        cli.run("campaign", "create", "新年贺卡", "--kind", "card", "--gift", "手写贺卡", "--unit-cost", "1.50", "--shipping-cost", "4.00",
                "--currency", "CNY", "--quantity", "3", "--per-customer", "1", "--opens", today, "--closes", later,
                "--customers", "1,2,3,4,5");
        cli.run("campaign", "announce", "1");
        cli.run("campaign", "claim", "1", "1");
        cli.run("campaign", "claim", "1", "2");
        cli.run("launch", "create", "春茶", "--product", "春茶礼盒", "--currency", "CNY");
        cli.run("launch", "phase", "1", "first_batch", "--from", today, "--to", later, "--quota", "2", "--per-customer", "1", "--price", "99");
        cli.run("launch", "vote", "1", "1", "--choice", "want", "--price-guess", "88");
        cli.run("launch", "reserve", "1", "1", "--quantity", "1");
        cli.run("launch", "reserve", "1", "2", "--quantity", "1");
    }

    private void run(Path data) throws Exception {
        CompletableFuture<Void> shutdown = new CompletableFuture<>();
        FanKeepApp app = new FanKeepApp(new StartOptions(data, Locale.SIMPLIFIED_CHINESE, StartOptions.Opener.of(Database::open), c -> { },
                s -> s.whenComplete((v, e) -> shutdown.complete(null))));
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        app.init();
        fx(() -> {
            stage = new Stage();
            app.start(stage);
            stage.setMaximized(false);
            stage.setWidth(1366);
            stage.setHeight(768);
            stage.setX(0);
            stage.setY(0);
        });
        waitFor("the main window", () -> stage.getScene() != null && stage.getScene().getRoot().lookup("#nav-today") != null);
        settle();
        walk("zh");
        open("#nav-settings");
        open("#language-en");
        walk("en");
        fx(() -> stage.close());
        fx(() -> app.stop());
        shutdown.get(60, TimeUnit.SECONDS);
        Platform.exit();
        System.out.println("dialogs opened: " + opened);
        System.out.println(cut.isEmpty() ? "No label cut." : "Labels cut:\n  " + String.join("\n  ", cut));
    }

    private void walk(String language) throws Exception {
        List<String> pages = navIds(stage);
        for (String page : pages) {
            open("#" + page);
            String name = language + "-" + page.replace("nav-", "");
            shoot(name);
            List<String> tabs = ScreenshotTour.onFx(() -> tabIds());
            for (int i = 1; i < tabs.size(); i++) {
                String tab = tabs.get(i);
                ScreenshotTour.onFx(() -> {
                    selectTab(tab);
                    return null;
                });
                settle();
                shoot(name + "-tab" + i);
                dialogs(name + "-tab" + i);
            }
            if (!tabs.isEmpty()) {
                ScreenshotTour.onFx(() -> {
                    selectTab(tabs.getFirst());
                    return null;
                });
                settle();
            }
            dialogs(name);
        }
        if (empty) {
            preview(language);
        }
    }

    /** An empty shop offers the sample data: its import preview (the one every new owner sees), shot and closed. */
    private void preview(String language) throws Exception {
        open("#nav-imports");
        open("#load-sample-data");
        waitFor("the import preview", () -> stage.getScene().getRoot().lookup("#preview-import") != null || dialogWindow() != null);
        settle();
        Window w = ScreenshotTour.onFx(this::dialogWindow);
        if (w != null) {
            ScreenshotTour.onFx(() -> {
                Truncations.in(w.getScene().getRoot()).forEach(t -> cut.add(language + " / preview: " + t));
                return null;
            });
        }
        opened.add(language + ":load-sample-data (preview)");
        shoot(language + "-import-preview");
        fx(() -> {
            Node close = (w == null ? stage.getScene() : w.getScene()).getRoot().lookup("#preview-close");
            ((ButtonBase) close).fire();
        });
        settle();
    }

    /** Fires every shown button ending in "…" (not a file chooser), shoots the dialog it opens and closes it. */
    private void dialogs(String where) throws Exception {
        List<String> openers = ScreenshotTour.onFx(() -> {
            List<String> ids = new ArrayList<>();
            for (Node n : stage.getScene().getRoot().lookupAll(".button")) {
                if (n instanceof ButtonBase b && b.getText() != null && b.getText().endsWith("\u2026") && b.getId() != null
                        && shown(b) && !b.isDisabled() && SKIP.stream().noneMatch(s -> b.getId().toLowerCase(Locale.ROOT).contains(s))) {
                    ids.add(b.getId());
                }
            }
            return ids;
        });
        for (String id : openers) {
            String before = ScreenshotTour.onFx(PageWalk::shownTexts);
            ScreenshotTour.onFx(() -> {
                Node n = stage.getScene().getRoot().lookup("#" + id);
                if (n instanceof ButtonBase b) {
                    Platform.runLater(b::fire);
                }
                return null;
            });
            // a dialog, or a form opened in the page (Settings' "Set a password…")
            if (!waitFor(id + "'s window", () -> dialogWindow() != null || !shownTexts().equals(before))) {
                System.out.println(where + ": " + id + " opened nothing");
                continue;
            }
            settle();
            Window w = ScreenshotTour.onFx(this::dialogWindow);
            if (w == null) {
                opened.add(where + ":" + id + " (in the page)");
                fx(() -> reveal(stage.getScene().getRoot().lookup("#" + id)));
                settle();
                shoot(where + "-" + id);
                continue;
            }
            opened.add(where + ":" + id);
            ScreenshotTour.onFx(() -> {
                Truncations.in(w.getScene().getRoot()).forEach(t -> cut.add(where + " / " + id + ": " + t));
                return null;
            });
            shoot(where + "-" + id);
            ScreenshotTour.onFx(() -> {
                w.hide();
                return null;
            });
            waitFor("the dialog closed", () -> dialogWindow() == null);
        }
    }

    /** Scrolls the page so that {@code n} (a form opened below the fold) stands at the top of its scroll pane. */
    private static void reveal(Node n) {
        for (Node p = n == null ? null : n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                double y = scroll.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room) * (scroll.getVmax() - scroll.getVmin()) + scroll.getVmin());
                return;
            }
        }
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private Window dialogWindow() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage).findFirst().orElse(null);
    }

    private List<String> tabIds() {
        List<String> ids = new ArrayList<>();
        for (Node n : stage.getScene().getRoot().lookupAll(".tab-pane")) {
            if (n instanceof TabPane t && shown(t)) {
                for (Tab tab : t.getTabs()) {
                    ids.add(t.getTabs().indexOf(tab) + "@" + System.identityHashCode(t));
                }
                break;
            }
        }
        return ids;
    }

    private void selectTab(String key) {
        int index = Integer.parseInt(key.substring(0, key.indexOf('@')));
        int pane = Integer.parseInt(key.substring(key.indexOf('@') + 1));
        for (Node n : stage.getScene().getRoot().lookupAll(".tab-pane")) {
            if (n instanceof TabPane t && System.identityHashCode(t) == pane) {
                t.getSelectionModel().select(index);
            }
        }
    }

    private void open(String id) throws Exception {
        ScreenshotTour.onFx(() -> {
            ((ButtonBase) stage.getScene().getRoot().lookup(id)).fire();
            return null;
        });
        settle();
    }

    /**
     * Waits (up to 3 minutes) until {@code condition}, checked on the FX thread, holds; false when it never did. Polls: no
     * fixed pause a slow machine outlasts.
     */
    private static boolean waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // a starved machine is slow
        while (System.nanoTime() < deadline) {
            if (ScreenshotTour.onFx(condition)) {
                return true;
            }
            Thread.sleep(100);
        }
        System.out.println("waited 3 minutes for " + what);
        return false;
    }

    /**
     * Waits until what the windows show stops changing (pages fill in from the background): the same texts and widths on
     * three reads 150 ms apart, at most 30 s.
     */
    private void settle() throws Exception {
        String before = null;
        int same = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (same < 2 && System.nanoTime() < deadline) {
            Thread.sleep(150);
            String now = ScreenshotTour.onFx(PageWalk::shownTexts);
            same = now.equals(before) ? same + 1 : 0;
            before = now;
        }
    }

    private static String shownTexts() {
        StringBuilder texts = new StringBuilder();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                collect(w.getScene().getRoot(), texts);
            }
        }
        return texts.toString();
    }

    private static void collect(Node n, StringBuilder texts) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            texts.append(l.getText()).append('@').append(Math.round(l.getWidth())).append('|');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    private void shoot(String name) throws Exception {
        ScreenshotTour.onFx(() -> {
            Truncations.in(stage.getScene().getRoot()).forEach(t -> cut.add(name + ": " + t));
            return null;
        });
        Path file = out.resolve(String.format("%03d-%s.png", ++shot, name));
        new ProcessBuilder("import", "-display", display, "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("wrote " + file);
    }

    private interface FxRunnable {
        void run() throws Exception;
    }

    private static void fx(FxRunnable work) throws Exception {
        ScreenshotTour.onFx(() -> {
            work.run();
            return null;
        });
    }

    private static List<String> navIds(Stage stage) throws Exception {
        return ScreenshotTour.onFx(() -> {
            List<Labeled> found = new ArrayList<>();
            for (Node n : stage.getScene().getRoot().lookupAll(".nav-button")) {
                found.add((Labeled) n);
            }
            found.sort(java.util.Comparator.comparingInt(n -> n.getParent().getChildrenUnmodifiable().indexOf(n)));
            return found.stream().map(Labeled::getId).toList();
        });
    }
}
