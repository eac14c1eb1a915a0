package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.outreach.OfferCode;
import io.retainbot.core.port.OfferStore;
import java.time.Instant;
import java.util.Optional;

final class JdbiOfferStore implements OfferStore {
    private final OfferDao dao;

    JdbiOfferStore(OfferDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean insert(OfferCode offer) {
        return dao.insert(offer.code(), offer.customerId(), withoutNul(offer.campaign()), offer.issuedAt(),
                offer.expiresAt()) == 1;
    }

    @Override
    public Optional<OfferCode> find(String code) {
        return dao.find(code).map(JdbiOfferStore::toOffer);
    }

    @Override
    public Optional<OfferCode> findFor(long customerId, String campaign) {
        return dao.findFor(customerId, campaign).map(JdbiOfferStore::toOffer);
    }

    @Override
    public Optional<OfferCode> redeem(String code, String redeemedBy, Instant now) {
        return dao.redeem(code, withoutNul(redeemedBy), now).map(JdbiOfferStore::toOffer);
    }

    @Override
    public Tally tally(String campaign) {
        return new Tally(dao.issued(campaign), dao.redeemed(campaign));
    }

    private static OfferCode toOffer(OfferDao.Row row) {
        return new OfferCode(row.code(), row.customerId(), row.campaign(), row.issuedAt(), row.expiresAt(),
                row.redeemedAt(), row.redeemedBy());
    }
}
