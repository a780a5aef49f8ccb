package com.fankeep.ui.imports;

import com.fankeep.core.importing.format.ContactField;
import com.fankeep.core.importing.format.CustomerSheetFormat;
import com.fankeep.core.importing.format.Header;
import com.fankeep.core.importing.mapping.UnknownSheet;
import com.fankeep.core.importing.read.SheetRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The column-mapping step for a file FanKeep does not know: which row is the header, what each column holds (or
 * "ignore"), and the name the mapping is saved under. Columns start with what their name suggests (姓名 → name).
 */
public final class ColumnMappingModel {

    /** The fields a column can be mapped to, in the order the combo box offers them. */
    static final List<String> FIELDS = List.of("ignore", "name", "phone", "wechat", "qq", "email", "address", "province",
            "city", "note", "birthday", "last_purchase", "referred_by", "nickname:taobao", "nickname:jd", "nickname:pinduoduo",
            "nickname:youzan", "nickname:douyin");

    private static final int SAMPLES = 3;

    /** One named column of the header row, with a few of its values below it. */
    public static final class Column {
        private final String name;
        private final String samples;
        private final ObjectProperty<String> field;

        Column(String name, String samples, String field) {
            this.name = name;
            this.samples = samples;
            this.field = new SimpleObjectProperty<>(field);
        }

        public String name() {
            return name;
        }

        public String samples() {
            return samples;
        }

        /** The field code ({@link #FIELDS}). */
        public ObjectProperty<String> fieldProperty() {
            return field;
        }
    }

    private final UnknownSheet sheet;
    private final IntegerProperty headerRow = new SimpleIntegerProperty(-1);
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanBinding identifies;
    private final BooleanBinding valid;
    private final ChangeListener<String> fieldChanged;

    public ColumnMappingModel(UnknownSheet sheet) {
        this.sheet = sheet;
        String file = sheet.file().getFileName().toString();
        name.set(file.replaceFirst("\\.[^.]+$", ""));
        identifies = Bindings.createBooleanBinding(this::anyIdentifying, columns);
        fieldChanged = (o, was, now) -> identifies.invalidate();
        valid = identifies.and(Bindings.createBooleanBinding(() -> !name.get().isBlank(), name));
        headerRow.addListener((o, was, now) -> rebuild());
        headerRow.set(sheet.headerGuess());
    }

    public UnknownSheet sheet() {
        return sheet;
    }

    /** The index in {@code sheet().rows()} of the header row. */
    public IntegerProperty headerRowProperty() {
        return headerRow;
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** At least one column tells people apart (name, phone, WeChat, QQ, e-mail or a nickname). */
    public BooleanBinding identifiesProperty() {
        return identifies;
    }

    /** The mapping can be saved: a name, and a column that tells people apart. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** The header row's cells, as the mapping is saved for. */
    public List<String> headerNames() {
        return sheet.rows().get(headerRow.get()).cells();
    }

    /** Column name → field code of the columns not ignored, in column order. */
    public Map<String, String> mapping() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Column c : columns) {
            if (!"ignore".equals(c.field.get())) {
                out.put(c.name, c.field.get());
            }
        }
        return out;
    }

    private void rebuild() {
        for (Column c : columns) {
            c.field.removeListener(fieldChanged);
        }
        List<SheetRow> rows = sheet.rows();
        int at = headerRow.get();
        List<String> names = new Header(0, rows.get(at).cells()).names();
        List<Column> out = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                continue; // a column without a name cannot be found again in the next file
            }
            StringBuilder samples = new StringBuilder();
            for (int r = at + 1, n = 0; r < rows.size() && n < SAMPLES; r++) {
                String v = rows.get(r).cell(i);
                if (v != null && !v.isBlank()) {
                    samples.append(samples.isEmpty() ? "" : " · ").append(v.strip());
                    n++;
                }
            }
            String guess = CustomerSheetFormat.fieldFor(names.get(i)).map(ContactField::code).filter(FIELDS::contains)
                    .filter(code -> code.equals("phone") || code.equals("note") || !taken.contains(code)).orElse("ignore");
            taken.add(guess);
            Column c = new Column(names.get(i), samples.toString(), guess);
            c.field.addListener(fieldChanged);
            out.add(c);
        }
        columns.setAll(out);
    }

    private boolean anyIdentifying() {
        for (Column c : columns) {
            if (ContactField.parse(c.field.get()).identifies()) {
                return true;
            }
        }
        return false;
    }
}
