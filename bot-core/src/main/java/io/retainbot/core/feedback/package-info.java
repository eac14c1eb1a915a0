/**
 * What customers tell the business besides complaints: suggestions, and requests for a person (open,
 * taken by a staff member, closed) and what was said in them word for word (HandoverMessage: the customer's words
 * and photos, and the person's with who wrote them), with the domain events of a handover taken and closed.
 */
package io.retainbot.core.feedback;
