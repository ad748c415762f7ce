package dev.herald.apicheck;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A library module works as a module: its jar declares one ({@code module-info.class}), and that
 * module, with everything it requires, resolves from its dependencies' jars on a module path and
 * loads into one layer — no required module missing, no package in two modules. So a wrong
 * {@code requires} (or a dependency that cannot be a module) fails Herald's build, not the
 * application of a user who puts Herald on the module path. Which packages are exported is
 * checked by {@link ApiCheck}: the API of a module with a {@code module-info} is that of its
 * exported packages, so a missing {@code exports} shows as a removed API.
 *
 * <p>A single source file with no dependencies, run by the build in {@code verify} like
 * {@code ApiCheck} ({@code java ModuleCheck.java …}, exec-maven-plugin). Arguments:
 * {@code <artifact> <packaging> <jar> <module path>}, the path being the jars of the module's
 * dependencies an application runs with (runtime scope) and those its container provides. A POM
 * has nothing to check.
 * Exit status 1, with the reason on standard error, when the module does not resolve.
 */
public final class ModuleCheck {

    private ModuleCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: java ModuleCheck.java <artifact> <packaging> <jar> <module path>");
            System.exit(2);
        }
        String artifact = args[0];
        if (args[1].equals("pom")) {
            return;
        }
        Path jar = Path.of(args[2]);
        List<Path> dependencies = Arrays.stream(args[3].split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .toList();
        try {
            Resolved resolved = resolve(jar, dependencies);
            System.out.println("[modules] " + artifact + ": module " + resolved.module() + " resolves, with "
                    + (resolved.modules().size() - 1) + " modules of its dependencies");
        } catch (IllegalStateException e) {
            System.err.println("[modules] " + artifact + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** A module and the names of the modules its configuration holds (itself among them), sorted. */
    record Resolved(String module, Set<String> modules) {
    }

    /**
     * {@code jar}'s module, resolved from {@code dependencies} (jars or
     * directories, as on a module path) and the JDK, and loaded into a layer with one class loader,
     * as the application class loader loads a module path.
     *
     * @throws IllegalStateException saying what is wrong: no module declared, a module not found, a
     *                               package in two modules, a jar that cannot be a module
     */
    static Resolved resolve(Path jar, List<Path> dependencies) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + " to check (run the check in verify, after package)");
        }
        try {
            ModuleFinder own = ModuleFinder.of(jar);
            ModuleDescriptor descriptor = own.findAll().stream()
                    .map(ModuleReference::descriptor)
                    .findFirst().orElseThrow();
            if (descriptor.isAutomatic()) {
                throw new IllegalStateException(jar + " has no module-info.class: a library module declares its module in"
                        + " src/main/java/module-info.java");
            }
            ModuleFinder finder = ModuleFinder.compose(own, ModuleFinder.of(dependencies.toArray(Path[]::new)));
            ModuleLayer boot = ModuleLayer.boot();
            Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.ofSystem(), Set.of(descriptor.name()));
            boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
            return new Resolved(descriptor.name(), configuration.modules().stream().map(ResolvedModule::name)
                    .collect(Collectors.toCollection(TreeSet::new)));
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new IllegalStateException(e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        }
    }
}
