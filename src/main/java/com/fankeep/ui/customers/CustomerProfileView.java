package com.fankeep.ui.customers;

import com.fankeep.core.customer.Birthday;
import com.fankeep.core.customer.ContactChannel;
import com.fankeep.core.customer.CustomerProfile;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.customer.TimelineEntry;
import com.fankeep.core.shared.PhoneDisplay;
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
    private final ScrollPane root = new ScrollPane();

    private final java.util.function.LongConsumer erase;

    /** @param erase erases the customer on request after asking, or null when the app offers no erasure */
    CustomerProfileView(CustomersViewModel vm, Messages m, java.util.function.LongConsumer erase) {
        this.vm = vm;
        this.m = m;
        this.p = vm.profile().get();
        this.service = vm.service();
        this.erase = erase;
        VBox left = new VBox(18, section("customers.profile.channels", channels()), section("customers.profile.details", details()));
        if (vm.tiers() != null) {
            left.getChildren().add(section("tier.profile.title", new com.fankeep.ui.tiers.CustomerTierPanel(vm.tiers(), m).node()));
        }
        VBox right = new VBox(18);
        if (vm.activity() != null) {
            right.getChildren().add(section("customers.profile.activity",
                    new com.fankeep.ui.interaction.CustomerActivityPanel(vm.activity(), m).withoutHeading().listHeight(220).node()));
        }
        right.getChildren().add(section("customers.profile.timeline", timeline()));
        VBox body = new VBox(18, header(), columns(left, right));
        body.setPadding(new Insets(24, 24, 16, 24));
        body.getStyleClass().add("customer-profile");
        root.setContent(body);
        root.setFitToWidth(true);
        root.setId("customer-profile");
    }

    /** Side by side where the width allows (details and channels left; interactions and timeline right), else one column. */
    private Node columns(VBox left, VBox right) {
        HBox wide = new HBox(32);
        VBox narrow = new VBox(18);
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane();
        box.setId("profile-columns");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(560);
        right.setPrefWidth(520);
        Runnable arrange = () -> {
            boolean twoColumns = root.getViewportBounds().getWidth() >= TWO_COLUMNS_FROM;
            javafx.scene.layout.Pane target = twoColumns ? wide : narrow;
            if (box.getChildren().isEmpty() || box.getChildren().getFirst() != target) {
                target.getChildren().setAll(left, right);
                box.getChildren().setAll(target);
            }
        };
        box.sceneProperty().addListener(o -> arrange.run());
        javafx.application.Platform.runLater(() -> root.viewportBoundsProperty().addListener(o -> arrange.run()));
        arrange.run();
        return box;
    }

    /** Two columns need this much (viewport px): the channel rows and the interaction buttons side by side. */
    static final double TWO_COLUMNS_FROM = 1080;

    /** Keeps the reader's place when the profile is shown again after a save (the view is rebuilt). */
    void scrollTo(double vvalue) {
        javafx.application.Platform.runLater(() -> {
            root.layout();
            root.setVvalue(vvalue);
        });
    }

    double scroll() {
        return root.getVvalue();
    }

    long customerId() {
        return p.id();
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
        if (erase != null) {
            // rare and final: in a menu, not the most prominent button of the page
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            javafx.scene.control.MenuItem eraseItem = new javafx.scene.control.MenuItem(m.get("customers.profile.erase"),
                    new FontIcon(MaterialDesignA.ACCOUNT_REMOVE_OUTLINE));
            eraseItem.setId("profile-erase");
            eraseItem.setOnAction(e -> erase.accept(p.id()));
            javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton(m.get("customers.profile.more"), null, eraseItem);
            more.setId("profile-more");
            more.setMinWidth(Region.USE_PREF_SIZE);
            title.getChildren().addAll(grow, more);
        }

        FlowPane nicknames = new FlowPane(10, 4);
        for (ContactChannel n : p.nicknames()) {
            nicknames.getChildren().add(new Label(m.get("common.labelValue", CustomerTexts.platform(m, n.platform()), n.value())));
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
        // one grid, so every channel's value, star, state and remove button line up (the address has no state)
        GridPane list = new GridPane(8, 6);
        list.setId("profile-channels");
        javafx.scene.layout.ColumnConstraints valueColumn = new javafx.scene.layout.ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMaxWidth(420);
        list.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), valueColumn);
        int r = 0;
        for (ContactChannel c : p.contacts()) {
            list.addRow(r++, channelRow(c).toArray(Node[]::new));
        }
        if (p.contacts().isEmpty()) {
            list.add(new Label(m.get("customers.profile.noChannels")), 0, 0, 3, 1);
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

    private List<Node> channelRow(ContactChannel c) {
        boolean maskedPhone = c.kind().equals("phone") && (c.masked() || PhoneDisplay.isMasked(c.value()));
        // a masked number gets its own icon and is shown as text only: it cannot be called or copied as a number
        FontIcon icon = maskedPhone ? new FontIcon(MaterialDesignP.PHONE_OFF) : ChannelIcons.icon(c.kind());
        Label kind = new Label(CustomerTexts.kind(m, c.kind()), icon);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        String shown = c.kind().equals("phone") ? PhoneDisplay.format(c.value()) : c.value();
        TextField value = new TextField(shown);
        value.getStyleClass().add("channel-value");
        value.setPrefColumnCount(18);
        value.setMaxWidth(Double.MAX_VALUE);
        Label error = error();
        saveOnLeave(value, shown, text -> service.editChannel(c.id(), text), error);
        Button primary = new Button(null, new FontIcon(c.primary() ? MaterialDesignS.STAR : MaterialDesignS.STAR_OUTLINE));
        primary.getStyleClass().add("flat");
        primary.setTooltip(new Tooltip(m.get(c.primary() ? "customers.profile.primary" : "customers.profile.makePrimary")));
        primary.setOnAction(e -> vm.edit(() -> service.makePrimary(c.id()), bad -> { }));
        Node valueNode = value;
        if (maskedPhone) {
            Label masked = new Label(shown);
            masked.setId("masked-phone-" + c.id());
            masked.getStyleClass().addAll("channel-value", "masked-phone");
            masked.setTooltip(new Tooltip(m.get("customers.profile.maskedPhone")));
            masked.setMinWidth(Region.USE_PREF_SIZE);
            valueNode = masked;
        }
        List<Node> row = new java.util.ArrayList<>(List.of(kind, valueNode, primary));
        if (c.kind().equals("address") || maskedPhone) { // a masked number cannot go into an address book
            row.addAll(List.of(new Region(), new Region()));
        } else {
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
            row.addAll(List.of(funnel, since));
        }
        Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        remove.getStyleClass().add("flat");
        remove.setTooltip(new Tooltip(m.get("customers.profile.removeChannel")));
        remove.setOnAction(e -> vm.edit(() -> service.removeChannel(c.id()), bad -> { }));
        HBox after = new HBox(8, error);
        after.setAlignment(Pos.CENTER_LEFT);
        if (c.masked()) {
            after.getChildren().add(new Label(m.get("customers.profile.masked")));
        }
        row.addAll(List.of(remove, after));
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
        row(grid, 1, "customers.profile.city", city, error());

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
            }, bad -> show(referredError, bad), refused -> referredError.setText(refused.localized(m)));
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
            title.setWrapText(true);
            when.setMinWidth(Region.USE_PREF_SIZE);
            HBox head = new HBox(12, when, title);
            if (e.status() != null) {
                String prefix = switch (e.kind()) {
                    case "interaction" -> "followups.kind.";
                    case "follow_up" -> "followups.status.";
                    default -> "customers.orderStatus.";
                };
                Label status = badge(CustomerTexts.or(m, prefix + e.status(), e.status()));
                status.setMinWidth(Region.USE_PREF_SIZE);
                head.getChildren().add(status);
            }
            if (e.amount() != null) {
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                Label amount = new Label(e.amount());
                amount.setMinWidth(Region.USE_PREF_SIZE);
                head.getChildren().addAll(grow, amount);
            }
            head.setAlignment(Pos.CENTER_LEFT);
            VBox entry = new VBox(2, head);
            for (String d : e.details()) {
                Label line = new Label(d.startsWith("tracking: ") ? m.get("customers.timeline.tracking", d.substring(10)) : d);
                line.setPadding(new Insets(0, 0, 0, 102));
                line.setWrapText(true);
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
