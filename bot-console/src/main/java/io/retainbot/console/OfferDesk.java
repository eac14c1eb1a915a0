package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.retainbot.console.access.Signed;
import io.retainbot.core.outreach.OfferCode;
import io.retainbot.core.outreach.Offers;
import java.time.Clock;
import java.util.Optional;

/**
 * Offer codes at the till: find a code as the customer shows or reads it (any case, dash optional), see whose it
 * is, until when it is good and whether it was used, and mark it redeemed (recorded as "console by <name>").
 * Every signed-in staff member may.
 */
public final class OfferDesk {
    private static final int MAX_CODE = 40;

    private final Offers offers;
    private final Clock clock;

    public OfferDesk(Offers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    /** One code as the page shows it; {@code status} is "active", "expired" or "redeemed". */
    public record Found(String code, long customerId, String customer, String campaign, String expiresAt,
                        String status, String redeemedAt, String redeemedBy) {
    }

    public record OfferPage(Frame frame, String typed, Found found, String notice, String error) {
    }

    void mount(JavalinConfig config, Console console) {
        config.routes.get("/console/offers", ctx -> console.signedGet(ctx, signed ->
                show(ctx, console, signed, Optional.ofNullable(ctx.queryParam("code")).orElse("").strip(),
                        "redeemed".equals(ctx.queryParam("done")) ? "offers.done.redeemed" : null)));
        config.routes.post("/console/offers/redeem", ctx -> console.signedPost(ctx, signed -> redeem(ctx, console, signed)));
    }

    private void show(Context ctx, Console console, Signed signed, String typed, String noticeKey) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Found found = null;
        String error = null;
        if (typed.length() > MAX_CODE) {
            ctx.status(400);
            error = texts.get("offers.not_a_code");
        } else if (!typed.isEmpty()) {
            Optional<Offers.Holder> holder = offers.lookUp(typed);
            if (holder.isEmpty()) {
                ctx.status(404);
                error = texts.get("offers.unknown", typed);
            } else {
                found = found(holder.get(), console, texts);
            }
        }
        console.html(ctx, "offers.jte", new OfferPage(console.frame(ctx, signed, "offers.title", "offers"), typed, found,
                noticeKey == null ? null : texts.get(noticeKey), error));
    }

    private Found found(Offers.Holder holder, Console console, ConsoleTexts.In texts) {
        OfferCode offer = holder.offer();
        return new Found(offer.code(), offer.customerId(),
                holder.customerName(id -> texts.get("customer.numbered", id)),
                holder.occasion().map(occasion -> texts.get("offers.campaign.broadcast", occasion.broadcastName(),
                        occasion.date())).orElse(offer.campaign()),
                Console.when(offer.expiresAt(), console.zone()), offer.status(clock.instant()).code(),
                offer.redeemedAt() == null ? "" : Console.when(offer.redeemedAt(), console.zone()),
                offer.redeemedBy() == null ? "" : offer.redeemedBy());
    }

    private void redeem(Context ctx, Console console, Signed signed) {
        String typed = Optional.ofNullable(ctx.formParam("code")).orElse("").strip();
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Offers.Redemption redemption = typed.length() > MAX_CODE ? new Offers.Redemption.Unknown(typed)
                : offers.redeem(typed, "console by " + signed.staff().name());
        if (redemption instanceof Offers.Redemption.Redeemed redeemed) {
            ctx.redirect("/console/offers?code=" + redeemed.offer().code() + "&done=redeemed", HttpStatus.SEE_OTHER);
            return;
        }
        String error;
        if (redemption instanceof Offers.Redemption.AlreadyRedeemed already) {
            ctx.status(409);
            error = texts.get("offers.already", Console.when(already.offer().redeemedAt(), console.zone()),
                    already.offer().redeemedBy() == null ? "?" : already.offer().redeemedBy());
        } else if (redemption instanceof Offers.Redemption.Expired expired) {
            ctx.status(409);
            error = texts.get("offers.expired", Console.when(expired.offer().expiresAt(), console.zone()));
        } else {
            ctx.status(404);
            error = texts.get("offers.unknown", typed);
        }
        Found found = offers.lookUp(typed).map(holder -> found(holder, console, texts)).orElse(null);
        console.html(ctx, "offers.jte", new OfferPage(console.frame(ctx, signed, "offers.title", "offers"), typed, found,
                null, error));
    }
}
