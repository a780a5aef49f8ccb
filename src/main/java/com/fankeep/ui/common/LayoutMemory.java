package com.fankeep.ui.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Window sizes and table layouts the owner left behind, by name. Read once at start (off the FX thread); a change
 * updates the copy here at once and is handed to {@code store}, which writes it in the background.
 */
public final class LayoutMemory {

    private static final String KEY = LayoutMemory.class.getName();

    private final Map<String, String> values;
    private final BiConsumer<String, String> store;

    public LayoutMemory(Map<String, String> loaded, BiConsumer<String, String> store) {
        this.values = new ConcurrentHashMap<>(loaded);
        this.store = store;
    }

    /** Remembers nothing beyond this run (tests, a window without a data folder). */
    public static LayoutMemory none() {
        return new LayoutMemory(Map.of(), (k, v) -> { });
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public void put(String name, String value) {
        if (!value.equals(values.put(name, value))) {
            store.accept(name, value);
        }
    }

    /** Makes this memory the one for {@code window} and the dialogs it owns. */
    public void install(Window window) {
        window.getProperties().put(KEY, this);
    }

    /** Undoes {@link #install}: the window no longer holds this memory (nor, through its store, the app). */
    public void uninstall(Window window) {
        window.getProperties().remove(KEY, this);
    }

    /** The memory of the window {@code node} is shown in (or of the window that owns that dialog). */
    static Optional<LayoutMemory> of(Node node) {
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        while (w != null) {
            if (w.getProperties().get(KEY) instanceof LayoutMemory memory) {
                return Optional.of(memory);
            }
            w = w instanceof Stage s ? s.getOwner() : null;
        }
        return Optional.empty();
    }
}
