package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import java.util.List;

/**
 * Youzan (有赞) customer export: one row per customer, header and rows ending with a comma. Phones are masked
 * (138******02): kept on the customer but never used to merge; the nickname (客户昵称) is the Youzan account the
 * order export shows as 买家昵称, which is how these contacts find the buyers of the order file. 分销员 (the
 * distributor the customer is bound to) becomes the referrer, linked after the import like the order export's.
 */
public final class YouzanCustomersFormat implements ExportFormat {

    @Override
    public String id() {
        return "youzan_customers";
    }

    @Override
    public int score(Header h) {
        if (!h.has("客户姓名", "客户手机号") || h.find("客户昵称", "消费次数") < 0 || h.has("订单号")) {
            return 0;
        }
        return 10 + h.count("客户昵称", "客户生日", "客户性别", "标签", "是否会员", "消费次数", "消费金额", "累计退款金额", "上次消费时间",
                "成为客户时间", "微信地域");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new FormatReader() {
            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                String name = r.text("客户姓名");
                String nickname = r.text("客户昵称");
                String phone = r.text("客户手机号");
                if (name == null && nickname == null && phone == null) {
                    r.problem("客户姓名", "no_contact", "no name, nickname or phone", false);
                    return;
                }
                DateParser.Birthday birthday = r.birthday("客户生日");
                sink.item(new ImportedContact(name, nickname == null ? List.of() : List.of("youzan:" + nickname),
                        phone == null ? List.of() : List.of(phone), List.of(), null, null, null, birthday,
                        null, r.time("上次消费时间"), null, r.source(), r.text("分销员")));
            }

            @Override
            public void finish(ItemSink sink) {
                // one row per customer: nothing pending
            }
        };
    }
}
