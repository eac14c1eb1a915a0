package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.Referral;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.reaction.StaffChats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Cannot help" in a staff chat: the referral directory's entries for the complaint's category as buttons
 * under one message. Pressing one picks or unpicks it (the message is rewritten with a tick), and
 * <b>Send</b> refers the complaint with the picked ones. What is picked travels in the buttons' data
 * ({@code staff:pick:C-1042:5}, a bit per entry), so nothing is stored until Send; data is forgeable, and
 * a selection naming no entry is refused.
 */
final class ReferralPicker {
    /** At most this many entries are offered (two to a row, with Send under them: five rows on Discord). */
    static final int MAX_OFFERED = 8;
    private static final int PER_ROW = 2;
    private static final String PICKED = "✓ ";

    private final BusinessConfig business;
    private final Texts texts;

    ReferralPicker(BusinessConfig business, Texts texts) {
        this.business = business;
        this.texts = texts;
    }

    /** The entries of the directory that suit the complaint's category, in the business file's order. */
    List<Referral> offered(Complaint complaint) {
        return business.referrals().stream()
                .filter(referral -> referral.categories().isEmpty() || referral.categories().contains(complaint.category()))
                .limit(MAX_OFFERED).toList();
    }

    /** The picker, nothing picked yet, as a reply to {@code replyTo} (the ping). */
    OutboundMessage.Text picker(Complaint complaint, String replyTo) {
        return new OutboundMessage.Text(text(complaint, 0), buttons(complaint, 0), replyTo, "");
    }

    /** The picker rewritten with {@code picked} ticked. */
    OutboundMessage.Edit picked(Complaint complaint, String messageId, int picked) {
        return new OutboundMessage.Edit(messageId, text(complaint, picked), buttons(complaint, picked));
    }

    /** The picker once the picked ones went to the customer: who they are, and no buttons any more. */
    OutboundMessage.Edit sent(Complaint complaint, String messageId, int picked) {
        List<Referral> offered = offered(complaint);
        List<String> names = new ArrayList<>();
        for (int index = 0; index < offered.size(); index++) {
            if ((picked & 1 << index) != 0) {
                names.add(name(offered.get(index)));
            }
        }
        return new OutboundMessage.Edit(messageId, texts.get("staff.refer.sent", "ref", complaint.ref().toString(),
                "names", String.join(", ", names)), List.of());
    }

    /** The ids of the picked entries; empty when the selection names an entry that is not offered. */
    Optional<List<String>> ids(Complaint complaint, int picked) {
        List<Referral> offered = offered(complaint);
        if (picked <= 0 || picked >= 1 << offered.size()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < offered.size(); index++) {
            if ((picked & 1 << index) != 0) {
                ids.add(offered.get(index).id());
            }
        }
        return Optional.of(ids);
    }

    /** The selection in a button's data ({@code 5}: the first and third entries); empty when it is not one. */
    static Optional<Integer> selection(String data) {
        if (!data.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int picked = Integer.parseInt(data);
        return picked < 1 << MAX_OFFERED ? Optional.of(picked) : Optional.empty();
    }

    private String text(Complaint complaint, int picked) {
        return texts.get("staff.refer.pick", "ref", complaint.ref().toString(), "count", Integer.bitCount(picked));
    }

    private List<List<Button>> buttons(Complaint complaint, int picked) {
        List<Referral> offered = offered(complaint);
        String ref = complaint.ref().toString();
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int index = 0; index < offered.size(); index++) {
            boolean on = (picked & 1 << index) != 0;
            String name = name(offered.get(index));
            row.add(new Button(on ? PICKED + name : name,
                    StaffChats.PREFIX + StaffChats.PICK + ":" + ref + ":" + (picked ^ 1 << index)));
            if (row.size() == PER_ROW) {
                rows.add(List.copyOf(row));
                row.clear();
            }
        }
        if (!row.isEmpty()) {
            rows.add(List.copyOf(row));
        }
        rows.add(List.of(new Button(texts.get("staff.button.send_referrals"),
                StaffChats.PREFIX + StaffChats.SEND + ":" + ref + ":" + picked)));
        return rows;
    }

    private String name(Referral referral) {
        return referral.name().getOrDefault(texts.language(), referral.name().get("en"));
    }
}
