/** What the core needs from outside: chat gateways, stores and the transaction that binds them. */
package io.retainbot.core.port;
