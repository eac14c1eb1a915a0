package io.retainbot.core.flow;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.KnownIssueOffer;
import java.util.List;
import java.util.Optional;

/** What flows may read of complaints (and of the check-ins after them) while deciding a turn. */
public interface ComplaintLookup {
    /** The customer's complaints, newest first. */
    List<Complaint> ofCustomer(long customerId, int limit);

    Optional<Complaint> find(ComplaintRef ref);

    /** Whether the business answered the customer about the complaint (an answer, a resolution, a referral). */
    boolean answered(Complaint complaint);

    /** Whether the customer answered the survey since the complaint was last resolved. */
    boolean surveyAnswered(Complaint complaint);

    /** The known issue's fix offered on this complaint when it was filed, if one was. */
    Optional<KnownIssueOffer> knownIssueOffer(Complaint complaint);

    /** The check-in of {@code cadence} about the purchase or complaint {@code aboutId}, if one was planned. */
    Optional<io.retainbot.core.customer.CheckIn> checkIn(String cadence, long aboutId);
}
