package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.segment.SavedSegment;
import com.fankeep.core.segment.SegmentField;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.segment.SegmentSize;
import com.fankeep.testing.SampleShop;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Segments page in the real window, headless: build a rule in the editor, see the count and the text, save it. */
class SegmentsAppTest extends AppTestBase {

    private static final int SLOW = 30;

    @Test
    void buildASegmentInTheEditorSeeItsCountAndSaveIt(@TempDir Path dir) throws Exception {
        SegmentSize twoOrMore;
        SegmentSize shanghaiOrThree;
        try (Database db = Database.open(dir.resolve("data"))) {
            SampleShop.load(new ImportService(db), dir);
            SegmentService s = new SegmentService(db);
            twoOrMore = s.size(s.parse("orders >= 2"));
            shanghaiOrThree = s.size(s.parse("city = 上海 or orders >= 3"));
        }
        assertThat(twoOrMore.count()).as("the sample shop has repeat buyers").isPositive();
        startApp(dir.resolve("data"));

        robot.clickOn("#" + PageId.SEGMENTS.navId());
        waitUntil(() -> robot.lookup("#segments-add-row").tryQuery().isPresent());
        robot.clickOn("#segments-add-row");
        waitUntil(() -> robot.lookup(".segment-field").tryQuery().isPresent());

        ComboBox<SegmentField> field = robot.lookup(".segment-field").queryAs(ComboBox.class);
        robot.interact(() -> field.setValue(SegmentField.ORDERS));
        waitUntil(() -> robot.lookup(".segment-op").tryQuery().isPresent());
        ComboBox<com.fankeep.core.segment.Op> op = robot.lookup(".segment-op").queryAs(ComboBox.class);
        robot.interact(() -> op.setValue(com.fankeep.core.segment.Op.GE));
        TextField value = robot.lookup(".segment-value").queryAs(TextField.class);
        robot.clickOn(value).write("2");

        TextArea text = robot.lookup("#segments-text").queryAs(TextArea.class);
        waitUntil(() -> text.getText().equals("orders >= 2"));
        waitUntil(() -> label("#segments-count").equals(countText(twoOrMore)), () -> label("#segments-count"));

        // the other way: typing the text rebuilds the editor and counts again
        robot.interact(() -> text.setText("city = 上海 or orders >= 3"));
        waitUntil(() -> robot.lookup(".segment-row").queryAll().size() == 2);
        waitUntil(() -> label("#segments-count").equals(countText(shanghaiOrThree)));

        // an error says where, and the editor keeps the last good rule
        robot.interact(() -> text.setText("city = 上海 or ordrs >= 3"));
        waitUntil(() -> label("#segments-error").equals("column 14: unknown field \"ordrs\" — did you mean orders?"));
        robot.interact(() -> text.setText("city = 上海 or orders >= 3"));
        waitUntil(() -> label("#segments-error").isEmpty());

        robot.clickOn("#segments-name").write("Shanghai or loyal");
        robot.clickOn("#segments-save");
        waitUntil(() -> label("#segments-notice").equals("Saved \"Shanghai or loyal\"."));
        ListView<SavedSegment> saved = robot.lookup("#segments-saved").queryAs(ListView.class);
        waitUntil(() -> saved.getItems().size() == 1);
        assertThat(saved.getItems().getFirst().rule()).isEqualTo("city = 上海 or orders >= 3");
    }

    private static String countText(SegmentSize size) {
        return String.format(java.util.Locale.ENGLISH,
                "%,d customers (%,d of them do not want to be contacted: left out of messages and exports)", size.count(), size.doNotContact());
    }

    private String label(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(SLOW, TimeUnit.SECONDS, condition);
    }

    /** Waits, and on timeout says what was there instead. */
    private static void waitUntil(Callable<Boolean> condition, java.util.function.Supplier<String> shown) throws TimeoutException {
        try {
            waitUntil(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; shown: " + shown.get(), e);
        }
    }

    @SuppressWarnings("unused")
    private static boolean shown(Node n) {
        return n.getScene() != null && n.isVisible();
    }
}
