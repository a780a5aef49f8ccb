package com.fankeep.ui.customers;

import com.fankeep.core.customer.Birthday;
import com.fankeep.core.customer.ContactChannel;
import com.fankeep.core.customer.CustomerProfile;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.customer.TimelineEntry;
import com.fankeep.core.shared.Messages;
import java.time.DateTimeException;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * One customer: header with figures and tags, contact channels with their funnel state, details (birthday, note,
 * referred by, do not contact) and the timeline. Every field is saved when it is left or Enter is pressed.
 */
final class CustomerProfileView {

    private final CustomersViewModel vm;
    private final Messages m;
    private final CustomerProfile p;
    private final CustomerService service;
    private final ScrollPane root;

    private final java.util.function.LongConsumer erase;

    /** @param erase erases the customer on request after asking, or null when the app offers no erasure */
    CustomerProfileView(CustomersViewModel vm, Messages m, java.util.function.LongConsumer erase) {
        this.vm = vm;
        this.m = m;
        this.p = vm.profile().get();
        this.service = vm.service();
        this.erase = erase;
        VBox body = new VBox(18, header(), section("customers.profile.channels", channels()),
                section("customers.profile.details", details()));
        if (vm.tiers() != null) {
            body.getChildren().add(section("tier.profile.title", new com.fankeep.ui.tiers.CustomerTierPanel(vm.tiers(), m).node()));
        }
        if (vm.activity() != null) {
            body.getChildren().add(section("customers.profile.activity",
                    new com.fankeep.ui.interaction.CustomerActivityPanel(vm.activity(), m).node()));
        }
        body.getChildren().add(section("customers.profile.timeline", timeline()));
        body.setPadding(new Insets(16));
        body.getStyleClass().add("customer-profile");
        root = new ScrollPane(body);
        root.setFitToWidth(true);
        root.setId("customer-profile");
    }

    Node node() {
        return root;
    }

    private Node section(String key, Node content) {
        Label title = new Label(m.get(key));
        title.getStyleClass().add("title-4");
        return new VBox(8, title, content);
    }

    // --- header

    private Node header() {
        Button back = new Button(m.get("customers.profile.back"), new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("profile-back");
        back.setOnAction(e -> vm.close());
        Label name = new Label(p.name() == null ? m.get("customers.profile.noName") : p.name());
        name.setId("profile-name");
        name.getStyleClass().add("title-2");
        HBox title = new HBox(12, back, name);
        title.setAlignment(Pos.CENTER_LEFT);
        if (erase != null) {
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Button eraseButton = new Button(m.get("customers.profile.erase"), new FontIcon(MaterialDesignA.ACCOUNT_REMOVE_OUTLINE));
            eraseButton.setId("profile-erase");
            eraseButton.getStyleClass().add("danger");
            eraseButton.setOnAction(e -> erase.accept(p.id()));
            title.getChildren().addAll(grow, eraseButton);
        }
        if (p.tier() != null) {
            title.getChildren().add(badge(CustomerTexts.tier(m, p.tier())));
        }
        if (!p.recoveryState().equals("none")) {
            title.getChildren().add(badge(CustomerTexts.state(m, p.recoveryState())));
        }
        if (p.doNotContact()) {
            Label dnc = badge(m.get("customers.profile.doNotContact"));
            dnc.getStyleClass().add("danger");
            title.getChildren().add(dnc);
        }

        FlowPane nicknames = new FlowPane(10, 4);
        for (ContactChannel n : p.nicknames()) {
            nicknames.getChildren().add(new Label(CustomerTexts.platform(m, n.platform()) + ": " + n.value()));
        }

        GridPane figures = new GridPane(24, 4);
        figures.setId("profile-figures");
        figure(figures, 0, "customers.profile.firstOrder", CustomerTexts.date(p.firstOrderAt()));
        figure(figures, 1, "customers.profile.lastOrder", CustomerTexts.date(p.lastOrderAt()));
        figure(figures, 2, "customers.profile.orders", String.valueOf(p.orderCount()));
        figure(figures, 3, "customers.profile.spend", p.spend().isEmpty() ? "–" : CustomerTexts.money(m, p.spend()));

        return new VBox(8, title, nicknames, figures, tags());
    }

    private static Label badge(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("customer-badge");
        return l;
    }

    private void figure(GridPane grid, int col, String key, String value) {
        Label k = new Label(m.get(key));
        k.getStyleClass().add("text-muted");
        Label v = new Label(value.isEmpty() ? "–" : value);
        v.getStyleClass().add("title-4");
        grid.add(k, col, 0);
        grid.add(v, col, 1);
    }

    private Node tags() {
        FlowPane tags = new FlowPane(6, 6);
        tags.setAlignment(Pos.CENTER_LEFT);
        tags.setId("profile-tags");
        for (String t : p.tags()) {
            Button chip = new Button(t, new FontIcon(MaterialDesignC.CLOSE));
            chip.getStyleClass().add("tag-chip");
            chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            chip.setTooltip(new Tooltip(m.get("customers.profile.removeTag")));
            chip.setOnAction(e -> vm.edit(() -> service.untag(List.of(p.id()), t), bad -> { }));
            tags.getChildren().add(chip);
        }
        TextField add = new TextField();
        add.setId("profile-tag-add");
        add.setPromptText(m.get("customers.profile.addTag"));
        add.setPrefColumnCount(8);
        Label error = error();
        add.setOnAction(e -> {
            if (!add.getText().isBlank()) {
                vm.edit(() -> service.tag(List.of(p.id()), add.getText()), bad -> show(error, bad));
            }
        });
        tags.getChildren().addAll(add, error);
        return tags;
    }

    // --- channels

    private Node channels() {
        VBox list = new VBox(6);
        list.setId("profile-channels");
        for (ContactChannel c : p.contacts()) {
            list.getChildren().add(channelRow(c));
        }
        if (p.contacts().isEmpty()) {
            list.getChildren().add(new Label(m.get("customers.profile.noChannels")));
        }
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(ContactChannel.KINDS));
        kind.setId("channel-kind");
        kind.setConverter(converter());
        kind.setValue("wechat");
        TextField value = new TextField();
        value.setId("channel-value");
        value.setPromptText(m.get("customers.profile.channelValue"));
        value.setPrefColumnCount(18);
        Button add = new Button(m.get("customers.profile.addChannel"));
        add.setId("channel-add");
        Label error = error();
        error.setId("channel-error");
        Runnable check = () -> {
            if (value.getText().isBlank()) {
                error.setText("");
                add.setDisable(true);
                return;
            }
            try {
                CustomerService.checkChannel(kind.getValue(), value.getText());
                error.setText("");
                add.setDisable(false);
            } catch (InvalidValueException bad) {
                show(error, bad);
                add.setDisable(true);
            }
        };
        value.textProperty().addListener((o, a, b) -> check.run());
        kind.valueProperty().addListener((o, a, b) -> check.run());
        check.run();
        Runnable save = () -> {
            if (!add.isDisable()) {
                vm.edit(() -> service.addChannel(p.id(), kind.getValue(), value.getText()), bad -> show(error, bad));
            }
        };
        add.setOnAction(e -> save.run());
        value.setOnAction(e -> save.run());
        HBox addRow = new HBox(8, kind, value, add, error);
        addRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox dnc = new CheckBox(m.get("customers.profile.doNotContact"));
        dnc.setId("profile-dnc");
        dnc.setSelected(p.doNotContact());
        TextField reason = new TextField(p.doNotContactReason() == null ? "" : p.doNotContactReason());
        reason.setPromptText(m.get("customers.profile.doNotContactReason"));
        reason.setPrefColumnCount(24);
        reason.disableProperty().bind(dnc.selectedProperty().not());
        dnc.setOnAction(e -> vm.edit(() -> service.setDoNotContact(p.id(), dnc.isSelected(), reason.getText()), bad -> { }));
        saveOnLeave(reason, p.doNotContactReason(), text -> service.setDoNotContact(p.id(), true, text), error());
        HBox dncRow = new HBox(8, dnc, reason);
        dncRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, list, addRow, dncRow);
    }

    private Node channelRow(ContactChannel c) {
        FontIcon icon = ChannelIcons.icon(c.kind());
        Label kind = new Label(CustomerTexts.kind(m, c.kind()), icon);
        kind.setMinWidth(90);
        TextField value = new TextField(c.value());
        value.getStyleClass().add("channel-value");
        value.setPrefColumnCount(c.kind().equals("address") ? 30 : 18);
        Label error = error();
        saveOnLeave(value, c.value(), text -> service.editChannel(c.id(), text), error);
        Button primary = new Button(null, new FontIcon(c.primary() ? MaterialDesignS.STAR : MaterialDesignS.STAR_OUTLINE));
        primary.getStyleClass().add("flat");
        primary.setTooltip(new Tooltip(m.get(c.primary() ? "customers.profile.primary" : "customers.profile.makePrimary")));
        primary.setOnAction(e -> vm.edit(() -> service.makePrimary(c.id()), bad -> { }));
        HBox row = new HBox(8, kind, value, primary);
        if (!c.kind().equals("address")) {
            ComboBox<String> funnel = new ComboBox<>(FXCollections.observableArrayList(ContactChannel.FUNNEL));
            funnel.setConverter(new StringConverter<>() {
                @Override
                public String toString(String s) {
                    return s == null ? "" : CustomerTexts.funnel(m, s);
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            funnel.setValue(c.funnelState());
            funnel.setOnAction(e -> {
                if (!funnel.getValue().equals(c.funnelState())) {
                    vm.edit(() -> service.setFunnelState(c.id(), funnel.getValue()), bad -> { });
                }
            });
            Label since = new Label(c.funnelStateAt() == null ? "" : CustomerTexts.date(c.funnelStateAt()));
            since.getStyleClass().add("text-muted");
            row.getChildren().addAll(funnel, since);
        }
        Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        remove.getStyleClass().add("flat");
        remove.setTooltip(new Tooltip(m.get("customers.profile.removeChannel")));
        remove.setOnAction(e -> vm.edit(() -> service.removeChannel(c.id()), bad -> { }));
        row.getChildren().addAll(remove, error);
        if (c.masked()) {
            row.getChildren().add(new Label(m.get("customers.profile.masked")));
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("channel-row");
        return row;
    }

    // --- details

    private Node details() {
        GridPane grid = new GridPane(10, 8);
        TextField name = new TextField(p.name() == null ? "" : p.name());
        name.setId("profile-edit-name");
        Label nameError = error();
        saveOnLeave(name, p.name(), text -> service.rename(p.id(), text), nameError);
        row(grid, 0, "customers.profile.name", name, nameError);

        TextField city = new TextField(p.city() == null ? "" : p.city());
        saveOnLeave(city, p.city(), text -> service.setCity(p.id(), text), error());
        row(grid, 1, "customers.profile.city", city, new Label(p.province() == null ? "" : p.province()));

        TextField birthday = new TextField(p.birthday() == null ? "" : p.birthday().toString());
        birthday.setId("profile-birthday");
        birthday.setPromptText(m.get("customers.profile.birthdayPrompt"));
        Label birthdayError = error();
        birthday.textProperty().addListener((o, a, text) -> {
            try {
                Birthday.parse(text);
                birthdayError.setText("");
            } catch (DateTimeException e) {
                birthdayError.setText(m.get("customers.invalid.birthday"));
            }
        });
        saveOnLeave(birthday, p.birthday() == null ? null : p.birthday().toString(), text -> {
            try {
                return service.setBirthday(p.id(), Birthday.parse(text));
            } catch (DateTimeException e) {
                throw new InvalidValueException("birthday", e.getMessage());
            }
        }, birthdayError);
        row(grid, 2, "customers.profile.birthday", birthday, birthdayError);

        TextField referred = new TextField(p.referredByName() == null ? "" : p.referredByName());
        referred.setPromptText(m.get("customers.profile.referredByPrompt"));
        Label referredError = error();
        referred.setOnAction(e -> {
            String text = referred.getText().strip();
            if (text.isEmpty()) {
                vm.edit(() -> service.setReferredBy(p.id(), null), bad -> show(referredError, bad));
                return;
            }
            vm.edit(() -> {
                var hits = service.search(text, 5).stream().filter(r -> r.id() != p.id()).toList();
                if (hits.isEmpty()) {
                    throw new InvalidValueException("customer", "no customer matches");
                }
                return service.setReferredBy(p.id(), hits.getFirst().id());
            }, bad -> show(referredError, bad));
        });
        Label referrals = new Label();
        referrals.setId("profile-referrals");
        referrals.setWrapText(true);
        referrals.setMaxWidth(420);
        vm.referralTree(p.id(), t -> referrals.setText(referralText(t)));
        row(grid, 3, "customers.profile.referredBy", referred, new VBox(2, referredError, referrals));

        TextArea note = new TextArea(p.note() == null ? "" : p.note());
        note.setId("profile-note");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        saveOnLeave(note, p.note(), text -> service.setNote(p.id(), text), error());
        row(grid, 4, "customers.profile.note", note, new Label());
        note.setPrefWidth(640);
        return grid;
    }

    /** "Referred via 大王 → 小林 · Referred 3: A, B, C · 5 in all below" (the tree up and down, in one line). */
    private String referralText(com.fankeep.core.referral.ReferralTree t) {
        List<String> parts = new java.util.ArrayList<>();
        if (!t.up().isEmpty()) {
            List<String> up = new java.util.ArrayList<>(t.up().stream().map(n -> n.name() == null ? "#" + n.id() : n.name()).toList());
            java.util.Collections.reverse(up);
            parts.add(m.get("customers.profile.referralUp", String.join(" → ", up)));
        }
        var kids = t.down().children();
        if (!kids.isEmpty()) {
            parts.add(m.get("customers.profile.referralDown", t.down().referred(), String.join(", ",
                    kids.stream().limit(8).map(n -> n.name() == null ? "#" + n.id() : n.name()).toList()), below(t.down()) ));
        }
        return String.join(" · ", parts);
    }

    private static int below(com.fankeep.core.referral.ReferralNode n) {
        int sum = 0;
        for (var k : n.children()) {
            sum += 1 + below(k);
        }
        return sum;
    }

    private void row(GridPane grid, int r, String key, javafx.scene.control.Control field, Node after) {
        field.setMaxWidth(field instanceof TextArea ? 640 : 320);
        Label label = new Label(m.get(key));
        label.setMinWidth(90);
        grid.add(label, 0, r);
        grid.add(field, 1, r);
        grid.add(after, 2, r);
    }

    // --- timeline

    private Node timeline() {
        VBox list = new VBox(10);
        list.setId("profile-timeline");
        if (p.timeline().isEmpty()) {
            list.getChildren().add(new Label(m.get("customers.profile.noTimeline")));
        }
        for (TimelineEntry e : p.timeline()) {
            Label when = new Label(CustomerTexts.date(e.at()));
            when.setMinWidth(90);
            when.getStyleClass().add("text-muted");
            String titleText = e.kind().equals("order") ? m.get("customers.timeline.order", platformAndNumber(e.title())) : e.title();
            Label title = new Label(titleText, new FontIcon(e.kind().equals("order") ? MaterialDesignP.PACKAGE_VARIANT_CLOSED
                    : e.kind().equals("interaction") ? MaterialDesignC.CHAT_OUTLINE : MaterialDesignC.CALENDAR_CHECK));
            title.getStyleClass().add("text-bold");
            HBox head = new HBox(12, when, title);
            if (e.status() != null) {
                String prefix = switch (e.kind()) {
                    case "interaction" -> "followups.kind.";
                    case "follow_up" -> "followups.status.";
                    default -> "customers.orderStatus.";
                };
                head.getChildren().add(badge(CustomerTexts.or(m, prefix + e.status(), e.status())));
            }
            if (e.amount() != null) {
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                head.getChildren().addAll(grow, new Label(e.amount()));
            }
            head.setAlignment(Pos.CENTER_LEFT);
            VBox entry = new VBox(2, head);
            for (String d : e.details()) {
                Label line = new Label(d.startsWith("tracking: ") ? m.get("customers.timeline.tracking", d.substring(10)) : d);
                line.setPadding(new Insets(0, 0, 0, 102));
                entry.getChildren().add(line);
            }
            entry.getStyleClass().add("timeline-entry");
            list.getChildren().add(entry);
        }
        return list;
    }

    private String platformAndNumber(String title) {
        int space = title.indexOf(' ');
        return space < 0 ? title : CustomerTexts.platform(m, title.substring(0, space)) + " " + title.substring(space + 1);
    }

    // --- helpers

    private interface Save {
        com.fankeep.core.customer.UndoneEdit save(String text) throws Exception;
    }

    /** Saves the field when the owner leaves it or presses Enter (a single-line field), if it changed. */
    private void saveOnLeave(TextInputControl field, String original, Save save, Label error) {
        String[] saved = {original == null ? "" : original};
        Runnable commit = () -> {
            String text = field.getText();
            if (!text.equals(saved[0]) && !field.isDisabled()) {
                saved[0] = text; // leaving the field again (the view is rebuilt after the save) saves nothing twice
                vm.edit(() -> save.save(text), bad -> show(error, bad));
            }
        };
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        if (field instanceof TextField tf) {
            tf.setOnAction(e -> commit.run());
        }
    }

    private void show(Label error, InvalidValueException bad) {
        error.setText(CustomerTexts.or(m, "customers.invalid." + bad.field(), bad.getMessage()));
    }

    private static Label error() {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        return l;
    }

    private StringConverter<String> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? "" : CustomerTexts.kind(m, k);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
