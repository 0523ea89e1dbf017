/**
 * Architecture rules every module applies to its own main code in an {@code ArchitectureTests} class; shipped to the
 * other modules in this module's test jar.
 */
package io.eventplatform.architecture;
