package com.fankeep.ui.campaigns;

import com.fankeep.core.campaign.Address;
import com.fankeep.core.shared.Messages;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Edits one entry's address (the customer's own stays as it is). */
final class AddressDialog {

    private AddressDialog() {
    }

    static Optional<Address> ask(Messages m, Address current, Window owner) {
        Dialog<Address> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(m.get("campaigns.address.title"));
        TextField receiver = new TextField(current.receiver());
        TextField phone = new TextField(current.phone());
        TextField province = new TextField(current.province());
        TextField city = new TextField(current.city());
        TextField district = new TextField(current.district());
        TextField detail = new TextField(current.detail());
        detail.setPrefColumnCount(24);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(m.get("campaign.shipping.receiver")), receiver, new Label(m.get("campaign.shipping.phone")), phone);
        g.addRow(1, new Label(m.get("campaign.shipping.province")), province, new Label(m.get("campaign.shipping.city")), city);
        g.addRow(2, new Label(m.get("campaign.shipping.district")), district);
        g.addRow(3, new Label(m.get("campaign.shipping.address")), detail);
        GridPane.setColumnSpan(detail, 3);
        d.getDialogPane().setContent(g);
        ButtonType save = new ButtonType(m.get("campaigns.address.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(m.get("campaigns.address.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(save, keep);
        d.setResultConverter(b -> b == save ? new Address(receiver.getText(), phone.getText(), province.getText(), city.getText(),
                district.getText(), detail.getText()) : null);
        return d.showAndWait();
    }
}
