package com.fankeep.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Which page the main window shows; kept across language switches. */
public final class ShellViewModel {

    private final ReadOnlyObjectWrapper<PageId> page = new ReadOnlyObjectWrapper<>(PageId.DASHBOARD);

    public ReadOnlyObjectProperty<PageId> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public PageId page() {
        return page.get();
    }

    public void open(PageId target) {
        page.set(target);
    }
}
