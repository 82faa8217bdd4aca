// The diagnostics as the CLI prints them, and a failure that names the count and the first error.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] src/main/stacks/web.yml:7:7: error: replicas can only be used with replicated or replicated-job mode [SWARM-MODE-002]") : log
assert log.contains("[ERROR]   hint: remove 'replicas' or set 'mode: replicated'") : log
assert log.contains("[WARNING] src/main/stacks/worker.yaml:5:5: warning: 'build' is ignored by docker stack deploy [SWARM-KEY-002]") : log
assert log.contains('[INFO] 1 error, 1 warning, 4 info in 2 stack files under src/main/stacks') : log
assert log.contains("Failed to execute goal io.compose4j:compose4j-maven-plugin:") : log
assert log.contains(":validate (default) on project bad-stacks: 1 error in 1 of 2 stack files under src/main/stacks; "
    + "the first: src/main/stacks/web.yml:7:7: error: replicas can only be used with replicated or replicated-job mode "
    + "[SWARM-MODE-002] (hint: remove 'replicas' or set 'mode: replicated')") : log
assert log.contains('BUILD FAILURE') : log

// The README shows this project's real output: every line of its block is in build.log.
String readme = new File(basedir, '../../../../README.md').getText('UTF-8')
String section = readme.substring(readme.indexOf('### Maven plugin'))
String shown = (section =~ /(?s)prints\n\(the plugin's lines and Maven's own, without its separator lines\):\n\n```\n(.*?)```/)[0][1]
shown.readLines().each { line -> assert log.contains(line) : 'README line not in build.log: ' + line }
return true
