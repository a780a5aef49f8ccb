package com.fankeep.ui.common;

import com.fankeep.core.segment.SegmentRuleException;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a page says back after an action: a notice when it went through, the refusal in the owner's language when it
 * did not. A refusal (or a rule that does not parse) is shown on the page; anything else goes to the app's error window.
 */
public final class PageNotices {

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final Function<Throwable, String> pageWords;

    public PageNotices(UiTasks tasks, Supplier<Messages> messages) {
        this(tasks, messages, e -> null);
    }

    /** @param pageWords words for a further failure the page knows (null when it does not know it) */
    public PageNotices(UiTasks tasks, Supplier<Messages> messages, Function<Throwable, String> pageWords) {
        this.tasks = tasks;
        this.messages = messages;
        this.pageWords = pageWords;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last refusal, localized; empty when the last action went through. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void say(String text) {
        notice.set(text);
    }

    /** Before an action: the last refusal no longer stands. */
    public void clearError() {
        error.set("");
    }

    /** A problem the view found before calling a service (a number that does not parse). */
    public void showError(String text) {
        error.set(text);
    }

    /** What a background call's failure handler does: a refusal on the page, the unexpected to the error window. */
    public void failed(Throwable t) {
        Throwable e = cause(t);
        String words = e instanceof RefusedException r ? r.localized(messages.get())
                : e instanceof SegmentRuleException s ? s.localized(messages.get())
                : pageWords.apply(e);
        if (words != null) {
            error.set(words);
        } else {
            tasks.reportUnexpected(e);
        }
    }

    /** The failure itself, unwrapped from the background call's wrapper. */
    public static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
