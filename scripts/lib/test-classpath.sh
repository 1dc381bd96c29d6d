# Shared by the benchmark, fixture and release scripts (sourced, not run).
# test_classpath ROOT: compiles CalSpike's main and test classes and prints the class path that
# runs them: test classes, main classes, then every test-scope dependency. Offline first (fast
# once the dependencies are cached), online when something is missing.
test_classpath() {
	local root="$1" cp="$1/target/test.classpath"
	local build=(mvn -B -q -f "$root/pom.xml" test-compile dependency:build-classpath
		-Dmdep.outputFile="$cp" -Dmdep.includeScope=test)
	if ! "${build[@]}" -o >/dev/null 2>&1; then
		"${build[@]}" >/dev/null
	fi
	printf '%s' "$root/target/test-classes:$root/target/classes:$(cat "$cp")"
}
