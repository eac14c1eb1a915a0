/**
 * What customers tell the business besides complaints: suggestions, and requests for a person (open,
 * taken by a staff member, closed), with the domain events of a handover taken and closed.
 */
package io.retainbot.core.feedback;
