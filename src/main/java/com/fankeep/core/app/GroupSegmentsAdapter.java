package com.fankeep.core.app;

import com.fankeep.core.group.GroupSegments;
import com.fankeep.core.segment.SegmentService;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Groups' view of segments: a saved segment's name or a rule, evaluated by the segment service. */
final class GroupSegmentsAdapter {

    private GroupSegmentsAdapter() {
    }

    static GroupSegments over(SegmentService segments) {
        return new GroupSegments() {
            @Override
            public void check(String segment) {
                segments.resolve(segment);
            }

            @Override
            public Set<Long> matching(String segment, Collection<Long> customerIds) {
                return segments.matching(segment, customerIds);
            }

            @Override
            public List<Long> members(String segment) {
                return segments.memberIds(segment);
            }
        };
    }
}
