package io.eventplatform.local.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds executable jars of the stand-ins where the launcher expects a service's jar
 * ({@code <projectDir>/<name>/target/<name>.jar}), so tests exercise the real {@code java -jar} start.
 */
public final class StandInJars {

	private StandInJars() {
	}

	/** Writes the jar of {@code name} running {@code mainClass}; the stand-ins need only the JDK. */
	public static Path write(Path projectDir, String name, Class<?> mainClass) {
		Path jar = projectDir.resolve(name).resolve("target").resolve(name + ".jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
		try {
			Files.createDirectories(jar.getParent());
			Path classes = Path.of(StandInJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path standIns = classes.resolve(StandInJars.class.getPackageName().replace('.', '/'));
			try (OutputStream out = Files.newOutputStream(jar);
					JarOutputStream jarOut = new JarOutputStream(out, manifest);
					Stream<Path> classFiles = Files.list(standIns)) {
				for (Path classFile : classFiles.filter(file -> file.toString().endsWith(".class")).toList()) {
					jarOut.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
					jarOut.write(Files.readAllBytes(classFile));
					jarOut.closeEntry();
				}
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
