/** What customers tell the business besides complaints: suggestions, and requests for a person. */
package io.retainbot.core.feedback;
