package com.fankeep.core.campaign;

import com.fankeep.core.shared.Messages;
import java.util.List;

/** What a shipping list's writer needs of a layout: the header, and one entry's row (texts, the quantity a number). */
interface ShippingColumns {

    List<String> header(Messages m);

    List<Object> row(Campaign c, CampaignEntry e, String phone);
}
