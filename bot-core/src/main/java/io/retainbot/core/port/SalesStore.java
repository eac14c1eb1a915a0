package io.retainbot.core.port;

import io.retainbot.core.customer.NewPurchase;
import io.retainbot.core.customer.Purchase;
import io.retainbot.core.customer.StageChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Purchases and customer stages. */
public interface SalesStore {
    /** Records the purchase; empty when the customer has one with the same order reference already. */
    Optional<Purchase> recordPurchase(NewPurchase purchase, String source, Instant now);

    /** The customer's purchases, newest first. */
    List<Purchase> purchases(long customerId);

    /** The customer's stage, locking the customer's row until the transaction ends; empty when none is set. */
    Optional<String> lockStage(long customerId);

    /** Sets the stage and records the change. */
    void changeStage(StageChange change);

    /** The customer's stage changes, oldest first. */
    List<StageChange> stageHistory(long customerId);
}
