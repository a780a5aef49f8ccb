package com.fankeep.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * Finds the labels, buttons and cells that show less than their text: the skin put the ellipsis in ("Limited launc…");
 * and empty text fields whose prompt does not fit (clipped, without an ellipsis).
 * A cut text whose tooltip carries the whole of it (a long file name in a table) is allowed: the owner can read it.
 */
final class Truncations {

    private Truncations() {
    }

    /** One line per truncated, visible {@link Labeled} under {@code root}: its kind, id or style, path and what it shows. */
    static List<String> in(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return; // nor anything inside it
        }
        if (node instanceof Labeled l && truncated(l)) {
            found.add(describe(l));
        }
        if (node instanceof TextField f && promptCut(f)) {
            found.add("TextField" + (f.getId() == null ? "" : " #" + f.getId()) + " prompt \"" + f.getPromptText() + "\" does not fit in "
                    + Math.round(f.getWidth()) + " px");
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    static boolean truncated(Labeled l) {
        String text = l.getText();
        if (text == null || text.isBlank() || l.getWidth() <= 0) {
            return false;
        }
        String expected = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        String shown = shownText(l);
        if (shown == null || shown.equals(expected)) {
            return false;
        }
        boolean cut = shown.isEmpty() || shown.endsWith(l.getEllipsisString());
        boolean readableInTooltip = l.getTooltip() != null && text.equals(l.getTooltip().getText());
        return cut && !readableInTooltip;
    }

    /** An empty field whose prompt is wider than the room inside it (the skin clips it, no ellipsis). */
    static boolean promptCut(TextField f) {
        String prompt = f.getPromptText();
        if (prompt == null || prompt.isBlank() || !f.getText().isEmpty() || f.getWidth() <= 0) {
            return false;
        }
        Text measure = new Text(prompt);
        measure.setFont(f.getFont());
        return measure.getLayoutBounds().getWidth() > f.getWidth() - f.snappedLeftInset() - f.snappedRightInset() + 1;
    }

    /** The text the skin shows (its LabeledText child), or null before a skin exists. */
    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Labeled l) {
        StringBuilder path = new StringBuilder();
        for (Node n = l.getParent(); n != null; n = n.getParent()) {
            if (n.getId() != null) {
                path.insert(0, "#" + n.getId() + " > ");
                break;
            }
        }
        String self = l.getId() != null ? "#" + l.getId()
                : l.getClass().getSimpleName() + (l.getStyleClass().isEmpty() ? "" : "." + String.join(".", l.getStyleClass()));
        return path + self + " \"" + l.getText() + "\" shows \"" + shownText(l) + "\" in " + Math.round(l.getWidth()) + " px";
    }
}
