package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;

/** Douyin shop (抖店) 订单状态 values of a sub-order → FanKeep's status; {@link DouyinOrdersFormat} combines them. */
final class DouyinStatus {

    private DouyinStatus() {
    }

    static OrderStatus of(String status) {
        if (status == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (status.trim()) {
            case "待支付", "待付款" -> OrderStatus.UNPAID;
            case "待发货", "备货中" -> OrderStatus.PAID;
            case "已发货" -> OrderStatus.SHIPPED;
            case "已完成" -> OrderStatus.COMPLETED;
            case "已关闭" -> OrderStatus.CLOSED;
            case "已取消" -> OrderStatus.CANCELLED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    /** 售后状态 saying the sub-order's money went back to the buyer. */
    static boolean refunded(String afterSale) {
        return afterSale != null && (afterSale.equals("退款成功") || afterSale.equals("退货退款成功") || afterSale.equals("已退款"));
    }
}
