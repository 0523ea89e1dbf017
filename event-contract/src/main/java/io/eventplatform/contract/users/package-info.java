/** Events about users of the platform. */
package io.eventplatform.contract.users;
