package io.retainbot.core.flow;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.KnownIssueOffer;
import java.util.List;
import java.util.Optional;

/** What flows may read of complaints while deciding a turn. */
public interface ComplaintLookup {
    /** The customer's complaints, newest first. */
    List<Complaint> ofCustomer(long customerId, int limit);

    Optional<Complaint> find(ComplaintRef ref);

    /** The known issue's fix offered on this complaint when it was filed, if one was. */
    Optional<KnownIssueOffer> knownIssueOffer(Complaint complaint);
}
