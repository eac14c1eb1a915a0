package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintPhotosAdded;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintWithdrawn;
import io.retainbot.core.complaint.DelayAnnounced;
import io.retainbot.core.complaint.EffortRated;
import io.retainbot.core.complaint.KnownIssue;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.complaint.SatisfactionRated;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.ConsentGiven;
import io.retainbot.core.customer.ConsentWithdrawn;
import io.retainbot.core.customer.DataSummary;
import io.retainbot.core.customer.ErasureRequested;
import io.retainbot.core.feedback.HandoverEnded;
import io.retainbot.core.feedback.HandoverMessage;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.HandoverRequested;
import io.retainbot.core.flow.ComplaintWording;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowCommand;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.flow.KnownIssueAnswer;
import io.retainbot.core.flow.MainMenu;
import io.retainbot.core.flow.Turn;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out what a flow asked for, inside the turn's transaction, and adds any replies that need the result. */
final class CommandRunner {
    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    /** An opt-out counts against the broadcast the customer got within this time before it. */
    private static final java.time.Duration OPT_OUT_ATTRIBUTION = java.time.Duration.ofDays(7);

    private final BusinessConfig business;
    private final PromiseMaker promises;
    private final CustomerDirectory customers;
    private final Reactions reactions;
    private final StaffChats staffChats;
    private final ComplaintWording wording = new ComplaintWording();

    CommandRunner(BusinessConfig business, PromiseMaker promises, CustomerDirectory customers, Reactions reactions,
                  StaffChats staffChats) {
        this.staffChats = staffChats;
        this.business = business;
        this.promises = promises;
        this.customers = customers;
        this.reactions = reactions;
    }

    /**
     * The outcome of the commands: extra replies, the conversation as they left it, and the complaint
     * they were about (filed, reserved, added to, withdrawn), if any.
     */
    record Result(List<OutboundMessage> replies, Conversation conversation, Optional<ComplaintRef> complaint) {
    }

    Result run(StoreSession session, Turn turn, List<FlowCommand> commands, Conversation conversation) {
        List<OutboundMessage> replies = new ArrayList<>();
        Conversation current = conversation;
        FlowCommand.AskConsent asked = null;
        ComplaintRef about = null;
        for (FlowCommand command : commands) {
            if (command instanceof FlowCommand.FileComplaint file) {
                Complaint filed = fileComplaint(session, turn, file);
                replies.add(acknowledgement(turn, filed));
                offerKnownFix(session, turn, filed).ifPresent(replies::add);
                about = filed.ref();
            } else if (command instanceof FlowCommand.ReserveReference) {
                about = session.complaints().reserveReference();
                current = current.inState(current.flow(), current.state(),
                        current.data().with(FlowData.ABOUT, about.toString()), current.updatedAt());
            } else if (command instanceof FlowCommand.AddComplaintDetails details) {
                addDetails(session, turn, details);
                about = details.ref();
            } else if (command instanceof FlowCommand.WithdrawComplaint withdraw) {
                about = withdraw.ref();
                withdraw(session, turn, withdraw);
            } else if (command instanceof FlowCommand.RecordLeavingReason reason) {
                session.complaints().find(reason.ref())
                        .filter(complaint -> complaint.customerId() == turn.customer().id())
                        .ifPresent(complaint -> session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER,
                                "Reason for withdrawing: " + reason.reason(), turn.now()));
            } else if (command instanceof FlowCommand.RecordConsent consent) {
                recordConsent(session, turn, consent);
            } else if (command instanceof FlowCommand.OptOut optOut) {
                optOut(session, turn, optOut);
            } else if (command instanceof FlowCommand.RecordExitReason exit) {
                session.optOuts().answer(turn.customer().id(), exit.reason(),
                        exit.text().isBlank() ? null : exit.text(), turn.now());
            } else if (command instanceof FlowCommand.SetBirthday birthday) {
                session.customers().setBirthday(turn.customer().id(), birthday.birthday(), turn.now());
            } else if (command instanceof FlowCommand.NoteBirthdayAsked) {
                session.customers().noteBirthdayAsked(turn.customer().id(), turn.now());
            } else if (command instanceof FlowCommand.SetLanguage language) {
                customers.setLanguage(session, turn.customer().id(), language.language(), turn.now());
            } else if (command instanceof FlowCommand.SetTone tone) {
                customers.setTone(session, turn.customer().id(), tone.tone(), turn.now());
            } else if (command instanceof FlowCommand.RecordSuggestion suggestion) {
                session.feedback().suggest(turn.customer().id(), turn.event().channel(), suggestion.text(), turn.now());
            } else if (command instanceof FlowCommand.RecordSatisfaction rating) {
                rateSatisfaction(session, turn, rating);
            } else if (command instanceof FlowCommand.AnnounceDelay delay) {
                ownComplaint(session, turn, delay.ref()).ifPresent(complaint -> {
                    session.complaints().addNote(complaint.id(), ComplaintNote.Author.SYSTEM, historyTexts().get(
                            "history.delay_announced", "when", staffWhen(delay.expectedBy())), turn.now());
                    reactions.record(session, new DelayAnnounced(complaint.id(), complaint.ref(), complaint.customerId(),
                            delay.expectedBy(), turn.now()), turn.now());
                });
                about = delay.ref();
            } else if (command instanceof FlowCommand.RecordEffort effort) {
                rateEffort(session, turn, effort);
            } else if (command instanceof FlowCommand.RecordSurveyComment comment) {
                ownComplaint(session, turn, comment.ref()).ifPresent(complaint -> session.complaints().addNote(
                        complaint.id(), ComplaintNote.Author.CUSTOMER, "Survey comment: " + comment.text(), turn.now()));
            } else if (command instanceof FlowCommand.RequestHandover) {
                requestHandover(session, turn);
                current = current.handedOver(turn.now());
            } else if (command instanceof FlowCommand.CancelHandover) {
                cancelHandover(session, turn);
                current = current.handedBack(turn.now());
            } else if (command instanceof FlowCommand.RelayToStaff relay) {
                relayToStaff(session, turn, relay);
                about = relay.about() == null ? about : relay.about();
            } else if (command instanceof FlowCommand.RecordKnownIssueAnswer answer) {
                recordKnownIssueAnswer(session, turn, answer);
            } else if (command instanceof FlowCommand.ShowMyData) {
                session.personalData().summary(turn.customer().id())
                        .ifPresent(summary -> replies.add(MainMenu.with(myData(turn, summary), turn.texts())));
            } else if (command instanceof FlowCommand.RequestErasure) {
                log.info("customer {} asked for their data to be erased", turn.customer().id());
                reactions.record(session, new ErasureRequested(turn.customer().id(), turn.now()), turn.now());
            } else if (command instanceof FlowCommand.NoteCheckInSent sent) {
                session.checkIns().markSent(sent.checkInId(), turn.now());
            } else if (command instanceof FlowCommand.RecordCheckInAnswer answer) {
                if (session.checkIns().answer(answer.checkInId(), turn.customer().id(), answer.answer(), turn.now())) {
                    log.info("customer {} answered check-in {}: {}", turn.customer().id(), answer.checkInId(),
                            answer.answer().code());
                }
            } else if (command instanceof FlowCommand.LinkCheckIn link) {
                linkCheckIn(session, turn, link, about);
            } else if (command instanceof FlowCommand.RecordReviewAnswers answers) {
                recordReviewAnswers(session, turn, answers);
            } else if (command instanceof FlowCommand.AskConsent ask) {
                asked = ask;
            }
        }
        if (asked != null) {
            replies.add(asked.question());
            current = current.consentAsked(turn.now());
        }
        return new Result(replies, current, Optional.ofNullable(about));
    }

    /**
     * The customer's answers to the account review land on their file as they are given (incomplete until the
     * last one); once complete, a need or a risk (a low score, other providers considered) is posted to the
     * staff chats for the customer's owner.
     */
    private void recordReviewAnswers(StoreSession session, Turn turn, FlowCommand.RecordReviewAnswers answers) {
        AccountReview review = session.reviews().recordAnswers(AccountReview.byCustomer(turn.customer().id(),
                answers.satisfaction(), answers.valuesMost(), answers.needs(), answers.otherVendors(), turn.now(),
                answers.complete()), answers.round());
        if (!review.complete()) {
            return;
        }
        log.info("customer {} answered the account review (satisfaction {})", review.customerId(),
                review.satisfaction());
        if (!review.showsNeed() && !review.showsRisk()) {
            return;
        }
        Texts staffTexts = staffChats.texts();
        Long ownerId = session.customers().find(review.customerId()).map(found -> found.profile().responsibleStaffId())
                .orElse(null);
        String owner = ownerId == null ? staffTexts.get("staff.review.nobody")
                : session.staff().find(ownerId).map(StaffMember::name).orElse(staffTexts.get("staff.review.nobody"));
        String none = "-";
        String text = staffTexts.get("staff.review.signal", "owner", owner,
                "customer", turn.customer().name().isBlank() ? none : turn.customer().name(),
                "id", String.valueOf(review.customerId()), "satisfaction", review.satisfaction(),
                "values", orNone(review.valuesMost(), none), "needs", orNone(review.needs(), none),
                "vendors", orNone(review.otherVendors(), none));
        for (ChannelRef chat : staffChats.chats()) {
            session.outbox().enqueue(OutboxItem.staff(chat, OutboundMessage.Text.of(text), turn.now()));
        }
    }

    private void requestHandover(StoreSession session, Turn turn) {
        HandoverRequest request = session.feedback().requestHandover(turn.customer().id(), turn.event().channel(),
                turn.now());
        if (request.createdAt().equals(turn.now())) {
            reactions.record(session, new HandoverRequested(request.id(), request.customerId(), turn.now()), turn.now());
        }
    }

    /** Cancels a request nobody took yet; one a person took is closed (the customer went back to the bot). */
    private void cancelHandover(StoreSession session, Turn turn) {
        Optional<HandoverRequest> current = session.feedback().activeHandover(turn.event().channel())
                .filter(request -> request.customerId() == turn.customer().id());
        if (current.isEmpty()) {
            return;
        }
        HandoverRequest request = current.get();
        boolean ended = HandoverRequest.TAKEN.equals(request.status())
                ? session.feedback().closeHandover(request.id(), turn.now())
                : session.feedback().cancelHandover(turn.customer().id(), turn.event().channel(), turn.now());
        if (ended) {
            reactions.record(session, new HandoverEnded(request.id(), request.customerId(), turn.now()), turn.now());
        }
    }

    /** The customer's words to the staff handling their complaint or their request for a person. */
    private void relayToStaff(StoreSession session, Turn turn, FlowCommand.RelayToStaff relay) {
        String text = withFiles(turn, relay);
        if (text.isBlank()) {
            return;
        }
        if (relay.about() == null) {
            List<Photo> photos = ComplaintPhotosAdded.photosAmong(turn.event().platform(), relay.files());
            session.feedback().activeHandover(turn.event().channel())
                    .filter(request -> request.customerId() == turn.customer().id())
                    .ifPresent(request -> {
                        staffChats.relayAboutHandover(session, request, text, photos, turn.now());
                        session.feedback().keepHandoverMessage(HandoverMessage.fromCustomer(request.id(),
                                photos.size() == relay.files().size() ? relay.text() : text, photos, turn.now()));
                    });
            return;
        }
        session.complaints().find(relay.about())
                .filter(complaint -> complaint.customerId() == turn.customer().id())
                .ifPresent(complaint -> {
                    if (!relay.text().isBlank()) {
                        session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER, relay.text(),
                                turn.now());
                    }
                    staffChats.relayAboutComplaint(session, complaint, text, turn.now());
                });
    }

    private String withFiles(Turn turn, FlowCommand.RelayToStaff relay) {
        if (relay.files().isEmpty()) {
            return relay.text();
        }
        String files = staffChats.texts().get("staff.relay.files", "count", relay.files().size());
        return relay.text().isBlank() ? files : relay.text() + "\n" + files;
    }

    /** The complaint just filed ({@code filed}) came from the check-in: kept on it. */
    private static void linkCheckIn(StoreSession session, Turn turn, FlowCommand.LinkCheckIn link, ComplaintRef filed) {
        Optional<Complaint> complaint = Optional.ofNullable(filed).flatMap(ref -> session.complaints().find(ref))
                .filter(found -> found.customerId() == turn.customer().id());
        if (complaint.isPresent() && session.checkIns().linkComplaint(link.checkInId(), turn.customer().id(),
                complaint.get().id())) {
            log.info("complaint {} filed from check-in {}", complaint.get().ref(), link.checkInId());
        }
    }

    private Complaint fileComplaint(StoreSession session, Turn turn, FlowCommand.FileComplaint file) {
        ComplaintCategory category = business.category(file.category()).orElseGet(() -> business.categories().get(0));
        Instant now = turn.now();
        PromiseMaker.Promise promise = promises.promise(now, category);
        NewComplaint filing = new NewComplaint(turn.customer().id(), turn.event().channel(),
                category.id(), file.description(), file.orderReference(), file.files(), turn.texts().language(),
                file.intakeStartedAt(), now, promise.targetAt(), promise.promisedAt());
        Complaint complaint = file.reserved() == null || session.complaints().find(file.reserved()).isPresent()
                ? session.complaints().file(filing) : session.complaints().file(filing, file.reserved());
        log.info("complaint {} filed on {} in category {}", complaint.ref(), complaint.channel(), category.id());
        reactions.record(session, new ComplaintFiled(complaint.id(), complaint.ref(), complaint.customerId(),
                complaint.category(), complaint.promisedAt(), now), now);
        List<Photo> photos = ComplaintPhotosAdded.photosAmong(turn.event().platform(), file.files());
        if (!photos.isEmpty()) {
            reactions.record(session, new ComplaintPhotosAdded(complaint.id(), complaint.ref(), complaint.customerId(),
                    photos, true, now), now);
        }
        if (!file.continuation().isBlank()) {
            session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER, file.continuation(), now);
        }
        return complaint;
    }

    private OutboundMessage acknowledgement(Turn turn, Complaint complaint) {
        Instant now = turn.now();
        Texts texts = turn.texts();
        String text = texts.get("intake.filed",
                "ref", complaint.ref().toString(),
                "promise", wording.promise(turn, complaint.promisedAt()),
                "company", business.companyName());
        return MainMenu.with(text, texts);
    }

    /**
     * When the new complaint matches an open known issue (its category, and its words one of the issue's
     * symptoms), the issue's fix in the customer's language, asking whether it helped; the offer is kept
     * with the complaint. The complaint stays filed whatever the answer.
     */
    private Optional<OutboundMessage> offerKnownFix(StoreSession session, Turn turn, Complaint complaint) {
        Optional<KnownIssue> issue = KnownIssue.bestFor(session.knownIssues().openFor(complaint.category()),
                complaint.category(), complaint.description());
        if (issue.isEmpty() || !session.knownIssues().recordOffer(complaint.id(), issue.get().id(), turn.now())) {
            return Optional.empty();
        }
        log.info("complaint {} matches known issue {}: its fix offered", complaint.ref(), issue.get().id());
        session.complaints().addNote(complaint.id(), ComplaintNote.Author.SYSTEM,
                historyTexts().get("history.known_issue_offered", "title", issue.get().title()), turn.now());
        String fix = issue.get().fixIn(turn.texts().language(), Messages.FALLBACK);
        return Optional.of(KnownIssueAnswer.offer(turn.texts(), complaint.ref(), fix));
    }

    private void recordKnownIssueAnswer(StoreSession session, Turn turn, FlowCommand.RecordKnownIssueAnswer answer) {
        session.complaints().find(answer.ref())
                .filter(complaint -> complaint.customerId() == turn.customer().id())
                .ifPresent(complaint -> session.knownIssues().offerOn(complaint.id())
                        .filter(offer -> session.knownIssues().answerOffer(complaint.id(), answer.helped(), turn.now()))
                        .ifPresent(offer -> session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER,
                                historyTexts().get(answer.helped() ? "history.known_issue_helped"
                                        : "history.known_issue_not_helped", "title", offer.title()), turn.now())));
    }

    /** What is stored about the customer, in their language: each field, or a dash where nothing is stored. */
    private String myData(Turn turn, DataSummary summary) {
        Texts texts = turn.texts();
        String none = texts.get("mydata.none");
        String chats = summary.chats().isEmpty() ? none : summary.chats().stream()
                .map(platform -> texts.get("mydata.platform." + platform)).collect(Collectors.joining(", "));
        String birthday = summary.birthday() == null ? none : summary.birthday().year() == null
                ? String.format(Locale.ROOT, "%02d-%02d", summary.birthday().month(), summary.birthday().day())
                : String.format(Locale.ROOT, "%04d-%02d-%02d", summary.birthday().year(), summary.birthday().month(),
                        summary.birthday().day());
        return texts.get("mydata.summary",
                "company", business.companyName(),
                "name", orNone(summary.name(), none),
                "phone", orNone(summary.phone(), none),
                "email", orNone(summary.email(), none),
                "employer", orNone(summary.company(), none),
                "birthday", birthday,
                "chats", chats,
                "complaints", summary.complaints(),
                "open", summary.openComplaints(),
                "messages", summary.messages(),
                "consent", summary.consentGranted() ? "yes" : "no",
                "since", summary.customerSince().atZone(turn.customer().zone()).toLocalDate().toString());
    }

    private static String orNone(String value, String none) {
        return value.isBlank() ? none : value;
    }

    private void withdraw(StoreSession session, Turn turn, FlowCommand.WithdrawComplaint withdraw) {
        session.complaints().find(withdraw.ref())
                .filter(complaint -> complaint.customerId() == turn.customer().id())
                .filter(complaint -> session.complaints().withdraw(complaint.id(), turn.now()))
                .ifPresent(complaint -> reactions.record(session, new ComplaintWithdrawn(complaint.id(),
                        complaint.ref(), complaint.customerId(), turn.now()), turn.now()));
    }

    private void recordConsent(StoreSession session, Turn turn, FlowCommand.RecordConsent consent) {
        long customerId = turn.customer().id();
        customers.recordConsent(session, customerId, consent.granted(), consent.source(), turn.now());
        reactions.record(session, consent.granted()
                ? new ConsentGiven(customerId, consent.source(), turn.now())
                : new ConsentWithdrawn(customerId, consent.source(), turn.now()), turn.now());
    }

    /** A customer who had consented opts out: consent withdrawn and the opt-out kept; otherwise only the former. */
    private void optOut(StoreSession session, Turn turn, FlowCommand.OptOut optOut) {
        if (turn.customer().consentGranted()) {
            session.optOuts().record(turn.customer().id(), optOut.source(), OPT_OUT_ATTRIBUTION, turn.now());
        }
        recordConsent(session, turn, new FlowCommand.RecordConsent(false, optOut.source()));
    }

    private void rateEffort(StoreSession session, Turn turn, FlowCommand.RecordEffort effort) {
        ownComplaint(session, turn, effort.ref()).ifPresent(complaint -> {
            session.complaints().rateEffort(complaint.id(), effort.score(), turn.now());
            reactions.record(session, new EffortRated(complaint.id(), complaint.ref(), complaint.customerId(),
                    effort.score(), turn.now()), turn.now());
        });
    }

    private static Optional<Complaint> ownComplaint(StoreSession session, Turn turn, ComplaintRef ref) {
        return session.complaints().find(ref).filter(complaint -> complaint.customerId() == turn.customer().id());
    }

    private void rateSatisfaction(StoreSession session, Turn turn, FlowCommand.RecordSatisfaction rating) {
        session.complaints().find(rating.ref())
                .filter(complaint -> complaint.customerId() == turn.customer().id())
                .ifPresent(complaint -> {
                    session.complaints().rateSatisfaction(complaint.id(), rating.score(), turn.now());
                    reactions.record(session, new SatisfactionRated(complaint.id(), complaint.ref(),
                            complaint.customerId(), rating.score(), turn.now()), turn.now());
                });
    }

    /** The notes the bot writes in a complaint's history: in the staff chats' language. */
    private Texts historyTexts() {
        return staffChats.texts();
    }

    /** A time as staff read it: date and time in the business's zone and the staff language. */
    private String staffWhen(Instant at) {
        String language = historyTexts().language();
        return DateWording.date(at, business.zone(), language) + " " + DateWording.time(at, business.zone(), language);
    }

    private void addDetails(StoreSession session, Turn turn, FlowCommand.AddComplaintDetails details) {
        session.complaints().find(details.ref())
                .filter(complaint -> complaint.customerId() == turn.customer().id() && complaint.status().isActive())
                .ifPresent(complaint -> {
                    if (!details.text().isBlank()) {
                        session.complaints().addNote(complaint.id(), ComplaintNote.Author.CUSTOMER, details.text(), turn.now());
                    }
                    session.complaints().attach(complaint.id(), details.files(), turn.now());
                    List<Photo> photos = ComplaintPhotosAdded.photosAmong(turn.event().platform(), details.files());
                    if (!photos.isEmpty()) {
                        reactions.record(session, new ComplaintPhotosAdded(complaint.id(), complaint.ref(),
                                complaint.customerId(), photos, false, turn.now()), turn.now());
                    }
                });
    }
}
