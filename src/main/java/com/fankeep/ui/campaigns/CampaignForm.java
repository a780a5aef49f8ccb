package com.fankeep.ui.campaigns;

import atlantafx.base.theme.Styles;
import com.fankeep.core.campaign.CampaignKind;
import com.fankeep.core.campaign.ClaimPriority;
import com.fankeep.core.campaign.NewCampaign;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Shown;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The form of a new campaign: gift, money (DECIMAL with its currency), stock and limits, the window, audience, message. */
final class CampaignForm {

    private final VBox root;

    CampaignForm(CampaignsViewModel vm, Messages m) {
        TextField name = field("campaign-new-name");
        ComboBox<CampaignKind> kind = new ComboBox<>(FXCollections.observableArrayList(CampaignKind.values()));
        kind.setId("campaign-new-kind");
        kind.setValue(CampaignKind.GIFT);
        kind.setConverter(Shown.as(k -> m.get("campaigns.kind." + k.code())));
        TextField gift = field("campaign-new-gift");
        TextField unit = field("campaign-new-unit");
        unit.setText("0.00");
        TextField shipping = field("campaign-new-shipping");
        shipping.setText("0.00");
        TextField currency = field("campaign-new-currency");
        currency.setText("CNY");
        TextField quantity = field("campaign-new-quantity");
        quantity.setText("100");
        TextField perCustomer = field("campaign-new-per");
        perCustomer.setText("1");
        DatePicker opens = new DatePicker(LocalDate.now());
        opens.setId("campaign-new-opens");
        DatePicker closes = new DatePicker(LocalDate.now().plusDays(7));
        closes.setId("campaign-new-closes");
        // 2026-12-07 in both languages, as everywhere else (not the locale's 12/7/2026)
        com.fankeep.ui.common.IsoDates.apply(opens);
        com.fankeep.ui.common.IsoDates.apply(closes);
        TextField segment = field("campaign-new-segment");
        segment.setPromptText(m.get("campaigns.new.segmentPrompt"));
        ComboBox<String> group = new ComboBox<>(vm.groupNames());
        group.setId("campaign-new-group");
        group.setPromptText(m.get("campaigns.new.groupPrompt"));
        group.setMaxWidth(Double.MAX_VALUE);
        CheckBox dnc = new CheckBox(m.get("campaigns.new.includeDnc"));
        ComboBox<ClaimPriority> priority = new ComboBox<>(FXCollections.observableArrayList(ClaimPriority.values()));
        priority.setId("campaign-new-priority");
        priority.setValue(ClaimPriority.TIME);
        priority.setConverter(Shown.as(p -> m.get("campaigns.priority." + p.code())));
        TextArea message = new TextArea("{name}" + m.get("campaigns.new.messageDefault")); // the placeholder stays out of the bundle (MessageFormat)
        message.setId("campaign-new-message");
        message.setPrefRowCount(3);
        message.setWrapText(true);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        ColumnConstraints input = new ColumnConstraints();
        input.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(label, input, label, input);
        int r = 0;
        g.addRow(r++, new Label(m.get("campaigns.new.name")), name, new Label(m.get("campaigns.new.kind")), kind);
        g.addRow(r++, new Label(m.get("campaigns.new.gift")), gift, new Label(m.get("campaigns.new.currency")), currency);
        g.addRow(r++, new Label(m.get("campaigns.new.unit")), unit, new Label(m.get("campaigns.new.shipping")), shipping);
        g.addRow(r++, new Label(m.get("campaigns.new.quantity")), quantity, new Label(m.get("campaigns.new.per")), perCustomer);
        g.addRow(r++, new Label(m.get("campaigns.new.opens")), opens, new Label(m.get("campaigns.new.closes")), closes);
        g.addRow(r++, new Label(m.get("campaigns.new.segment")), segment, new Label(m.get("campaigns.new.group")), group);
        g.addRow(r++, new Label(m.get("campaigns.new.priority")), priority, new Label(), dnc);
        g.add(new Label(m.get("campaigns.new.message")), 0, r);
        g.add(message, 1, r, 3, 1);

        Label hint = new Label(m.get("campaigns.new.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(m.get("campaigns.new.create"));
        create.setId("campaign-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> {
            ZoneId zone = ZoneId.systemDefault();
            try {
                LocalDate o = opens.getValue();
                LocalDate c = closes.getValue();
                String seg = segment.getText() == null || segment.getText().isBlank() ? null : segment.getText().strip();
                vm.create(new NewCampaign(name.getText(), kind.getValue(), gift.getText(), new BigDecimal(unit.getText().strip()),
                        new BigDecimal(shipping.getText().strip()), currency.getText(), Integer.parseInt(quantity.getText().strip()),
                        Integer.parseInt(perCustomer.getText().strip()), o == null ? null : o.atStartOfDay(zone).toOffsetDateTime(),
                        c == null ? null : c.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), seg, null, List.of(),
                        dnc.isSelected(), message.getText(), priority.getValue()), group.getValue());
            } catch (NumberFormatException bad) {
                vm.showError(m.get("campaigns.new.badNumber"));
            }
        });
        root = new VBox(10, g, hint, create);
    }

    Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }
}
