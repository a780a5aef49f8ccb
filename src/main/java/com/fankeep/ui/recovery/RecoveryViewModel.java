package com.fankeep.ui.recovery;

import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.export.CustomerFilter;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.export.ExportRequest;
import com.fankeep.core.recovery.RecoveryBoard;
import com.fankeep.core.recovery.RecoveryService;
import com.fankeep.core.recovery.RecoveryState;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/** The Recovery page: the pipeline board, moving people along it, the lapse setting, and vCards for the phone. */
public final class RecoveryViewModel {

    /** Customers shown per column (the count says how many there are). */
    static final int PER_COLUMN = 200;

    private final RecoveryService recovery;
    private final CustomerExportService exports;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final ReadOnlyObjectWrapper<RecoveryBoard> board = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(100);
    private final SettingsService settings;
    private final javafx.beans.property.StringProperty shopName = new javafx.beans.property.SimpleStringProperty("");
    private final IntegerProperty lapseDays = new SimpleIntegerProperty(SettingsService.DEFAULT_LAPSE_DAYS);

    public RecoveryViewModel(RecoveryService recovery, CustomerExportService exports, UiTasks tasks, Dialogs dialogs,
                             Supplier<Messages> messages, SettingsService settings) {
        this.settings = settings;
        this.recovery = recovery;
        this.exports = exports;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Null until first loaded. */
    public ReadOnlyObjectProperty<RecoveryBoard> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** vCards per file for the next export. */
    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public void refresh() {
        tasks.call(() -> recovery.board(PER_COLUMN), b -> {
            board.set(b);
            lapseDays.set(b.lapseDays());
        });
    }

    /** The Settings page's section: loads the shop name and the lapse days. */
    public void loadSettings() {
        tasks.call(() -> new Object[] {settings.shopName(), recovery.lapseDays()}, v -> {
            shopName.set((String) v[0]);
            lapseDays.set((Integer) v[1]);
        });
    }

    /** The shop's name as vCard notes say it ("小鱼手作的客户 · 最近购买 …"). */
    public javafx.beans.property.StringProperty shopNameProperty() {
        return shopName;
    }

    public IntegerProperty lapseDaysProperty() {
        return lapseDays;
    }

    public void saveShopName(String name) {
        tasks.call(() -> {
            settings.setShopName(name);
            return name;
        }, shopName::set);
    }

    /** By button or by drag: these customers go to {@code to}. */
    public void move(List<Long> ids, RecoveryState to) {
        if (ids.isEmpty()) {
            return;
        }
        tasks.call(() -> recovery.move(ids, to), n -> {
            notice.set(messages.get().get("recovery.moved", n, messages.get().get("recovery.state." + to.code())));
            refresh();
        });
    }

    public void setLapseDays(int days) {
        tasks.call(() -> {
            recovery.setLapseDays(days);
            return days;
        }, d -> {
            lapseDays.set(d);
            refresh();
        });
    }

    /** "Export to phone (vCard)…": asks where, then writes the files as a job and says where they went. */
    public void exportVcards(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Messages m = messages.get();
        Path out = dialogs.chooseFileToSave(m.get("recovery.vcard.saveTitle"), m.get("recovery.vcard.fileName"),
                new FileType(m.get("recovery.vcard.type"), List.of("*.vcf")));
        if (out == null) {
            return;
        }
        ExportRequest request = new ExportRequest(ExportKind.VCF, CustomerFilter.ids(ids), out, false, false, false,
                Math.max(1, batchSize.get()), m.locale());
        tasks.job(m.get("recovery.vcard.job"), (p, c) -> exports.export(request, p, c), r -> {
            Messages now = messages.get();
            notice.set(now.get("recovery.vcard.done", r.customers(), r.files().size(), out.getParent()) + (r.skipped() > 0
                    ? " " + now.get("recovery.vcard.skipped", r.skipped()) : ""));
            refresh();
        });
    }
}
