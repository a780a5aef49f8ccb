package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;

/** Pinduoduo 订单状态 values → FanKeep's status. */
final class PinduoduoStatus {

    private PinduoduoStatus() {
    }

    static OrderStatus of(String status) {
        if (status == null) {
            return OrderStatus.UNKNOWN;
        }
        String s = status.replace(',', '，').trim();
        return switch (s) {
            case "待支付" -> OrderStatus.UNPAID;
            case "待发货" -> OrderStatus.PAID;
            case "已发货，待签收" -> OrderStatus.SHIPPED;
            case "已签收" -> OrderStatus.COMPLETED;
            case "已取消" -> OrderStatus.CANCELLED;
            // the export has no refunded amount: a refunded Pinduoduo order (one SKU) is taken as wholly refunded
            case "未发货，退款成功", "已发货，退款成功", "已签收，退款成功" -> OrderStatus.REFUNDED;
            default -> s.endsWith("退款成功") ? OrderStatus.REFUNDED : OrderStatus.UNKNOWN;
        };
    }
}
