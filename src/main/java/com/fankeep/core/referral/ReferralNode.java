package com.fankeep.core.referral;

import java.util.List;

/**
 * A customer in a referral tree.
 *
 * @param referred  how many live customers this one referred directly
 * @param children  those customers (down the tree), empty past the depth shown
 */
public record ReferralNode(long id, String name, int referred, List<ReferralNode> children) {

    public ReferralNode {
        children = List.copyOf(children);
    }
}
