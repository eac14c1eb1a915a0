package io.retainbot.core.outreach;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Creating, reading and deleting message templates, and previewing one as a chosen customer would get it. */
public final class Templates {
    /** The code shown in previews: it has the shape of a real one, but is never issued. */
    public static final String SAMPLE_OFFER_CODE = "SAMP-LE22";

    private final Transactor transactor;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public Templates(Transactor transactor, TemplateRenderer renderer, Clock clock) {
        this.transactor = transactor;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A preview: the text chosen for the customer (its language and tone) and the message itself. */
    public record Preview(Template template, Customer customer, TemplateText chosen, OutboundMessage.Text message,
                          boolean sampleOfferCode) {
    }

    /**
     * Saves a template (its id and times are ignored); empty when another template has the name.
     *
     * @throws Broadcasts.Refused when the template names a photo that is not kept
     */
    public Optional<Template> create(Template draft) {
        return create(draft, ChangedBy.ADMIN_TOKEN);
    }

    /** Saves a template, recording who did; empty when another template has the name. */
    public Optional<Template> create(Template draft, ChangedBy by) {
        return transactor.inTransaction(session -> {
            if (draft.photoKey() != null && session.photos().find(draft.photoKey()).isEmpty()) {
                throw new Broadcasts.Refused("photo", "no photo " + draft.photoKey() + ": upload it to /api/photos first");
            }
            Instant now = clock.instant();
            Optional<Template> created = session.templates().create(draft, now);
            created.ifPresent(template -> session.outreachChanges().record(by, OutreachChange.Subject.TEMPLATE,
                    template.id(), template.name(), OutreachChange.Action.CREATED, now));
            return created;
        });
    }

    public Optional<Template> find(long id) {
        return transactor.inTransaction(session -> session.templates().find(id));
    }

    public List<Template> list() {
        return transactor.inTransaction(session -> session.templates().list());
    }

    /** @throws Broadcasts.Refused when a broadcast sends the template */
    public boolean delete(long id) {
        return delete(id, ChangedBy.ADMIN_TOKEN);
    }

    /** Deletes a template, recording who did; false when there is none. @throws Broadcasts.Refused when in use */
    public boolean delete(long id, ChangedBy by) {
        return transactor.inTransaction(session -> {
            if (session.broadcasts().usesTemplate(id)) {
                throw new Broadcasts.Refused("id", "template " + id + " is used by a broadcast");
            }
            Optional<Template> template = session.templates().find(id);
            if (template.isEmpty() || !session.templates().delete(id)) {
                return false;
            }
            session.outreachChanges().record(by, OutreachChange.Subject.TEMPLATE, id, template.get().name(),
                    OutreachChange.Action.DELETED, clock.instant());
            return true;
        });
    }

    /**
     * The template as the customer would get it. An offer code the customer already holds for this
     * template is shown as it is; otherwise a sample code, for nothing is issued by looking.
     *
     * @return empty when there is no such template or customer (the caller says which)
     * @throws IllegalArgumentException when the template uses {@code {membershipDay}} and none is given
     */
    public Optional<Preview> preview(long templateId, long customerId, LocalDate membershipDay) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            Optional<Template> template = session.templates().find(templateId);
            Optional<Customer> customer = session.customers().find(customerId);
            if (template.isEmpty() || customer.isEmpty()) {
                return Optional.empty();
            }
            OfferCode offer = null;
            boolean sample = false;
            if (template.get().carriesOffer()) {
                offer = session.offers().findFor(customerId, campaign(template.get())).orElse(null);
                if (offer == null) {
                    sample = true;
                    offer = new OfferCode(SAMPLE_OFFER_CODE, customerId, campaign(template.get()), now,
                            now.plus(Duration.ofDays(template.get().offerValidDays())), null, null);
                }
            }
            OutboundMessage.Text message = renderer.render(template.get(), customer.get(),
                    new TemplateRenderer.Fill(membershipDay, offer));
            TemplateText chosen = template.get().textFor(customer.get().language(), customer.get().tone());
            return Optional.of(new Preview(template.get(), customer.get(), chosen, message, sample));
        });
    }

    /** The campaign under which offer codes of a template are issued. */
    public static String campaign(Template template) {
        return "template:" + template.id();
    }

    /** A template about to be saved: everything but the id and the times, which the store assigns. */
    public static Template draft(String name, TemplatePurpose purpose, String defaultLanguage,
                                 List<TemplateText> texts, List<TemplateButton> buttons, Integer offerValidDays) {
        return draft(name, purpose, defaultLanguage, texts, buttons, offerValidDays, null);
    }

    /** A template about to be saved, showing the kept photo {@code photoKey} ({@code null} for none). */
    public static Template draft(String name, TemplatePurpose purpose, String defaultLanguage,
                                 List<TemplateText> texts, List<TemplateButton> buttons, Integer offerValidDays,
                                 String photoKey) {
        return new Template(0, name, purpose, defaultLanguage, texts, buttons, offerValidDays, photoKey,
                Instant.EPOCH, Instant.EPOCH);
    }
}
