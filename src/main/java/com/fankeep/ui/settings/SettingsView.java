package com.fankeep.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.fankeep.core.settings.Language;
import com.fankeep.core.shared.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Settings page: the UI language, where the data is kept, and its backups. */
public final class SettingsView {

    public static final Ikon ICON = MaterialDesignC.COG_OUTLINE;

    private final ScrollPane root;

    /**
     * @param backups the backups section, or null
     * @param moreSections sections other features add below the built-in ones
     */
    public SettingsView(SettingsViewModel vm, BackupViewModel backups, Messages m, Node... moreSections) {
        Label title = new Label(m.get("settings.title"));
        title.setId("settings-title");
        title.getStyleClass().add(Styles.TITLE_2);

        VBox page = new VBox(28, title, languageSection(vm, m), dataFolderSection(vm, m));
        if (backups != null) {
            page.getChildren().add(BackupSection.build(backups, m));
        }
        page.getChildren().addAll(moreSections);
        page.getStyleClass().add("settings-page");
        page.setMaxWidth(760);
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    private static Node languageSection(SettingsViewModel vm, Messages m) {
        ToggleGroup group = new ToggleGroup();
        String systemName = m.get(vm.systemLanguage() == Language.ZH_CN ? "settings.language.zh" : "settings.language.en");
        VBox choices = new VBox(10,
                choice(group, Language.SYSTEM, m.get("settings.language.system", systemName), vm),
                choice(group, Language.ZH_CN, m.get("settings.language.zh"), vm),
                choice(group, Language.EN, m.get("settings.language.en"), vm));
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.chooseLanguage((Language) now.getUserData());
            }
        });
        choices.disableProperty().bind(vm.savingProperty());
        return section(MaterialDesignT.TRANSLATE, m.get("settings.language"), m.get("settings.language.hint"), choices);
    }

    private static RadioButton choice(ToggleGroup group, Language language, String text, SettingsViewModel vm) {
        RadioButton button = new RadioButton(text);
        button.setId("language-" + language.code());
        button.setUserData(language);
        button.setToggleGroup(group);
        button.setSelected(language == vm.language());
        return button;
    }

    private static Node dataFolderSection(SettingsViewModel vm, Messages m) {
        TextField path = new TextField(vm.dataFolder().toString());
        path.setId("settings-data-folder");
        path.setEditable(false);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button copy = new Button(m.get("settings.dataFolder.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.dataFolder().toString());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText(m.get("settings.dataFolder.copied"));
        });
        HBox row = new HBox(8, path, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return section(MaterialDesignF.FOLDER_OUTLINE, m.get("settings.dataFolder"), m.get("settings.dataFolder.hint"), row);
    }

    /** A Settings section as every feature lays it out: icon and heading, a hint, the content. */
    public static Node section(Ikon icon, String heading, String hint, Node content) {
        Label label = new Label(heading, new FontIcon(icon));
        label.getStyleClass().add(Styles.TITLE_4);
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add(Styles.TEXT_MUTED);
        hintLabel.setWrapText(true);
        VBox box = new VBox(10, label, hintLabel, content);
        box.getStyleClass().add("settings-section");
        return box;
    }

    public Node node() {
        return root;
    }
}
