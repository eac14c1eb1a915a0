/** Staff members: who they are, their role, the chats they work from, and whether they are active. */
package io.retainbot.core.staff;
