// The user's exception, with its message, is the build failure; nothing is written.
assert !new File(basedir, 'target/stacks').exists() : 'target/stacks was written'
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':generate (generate-stacks) on project throwing-generator: com.example.shop.Stacks.stacks() threw '
    + 'java.lang.IllegalStateException: shop.registry is not set; run with -Dshop.registry=HOST') : log
assert log.contains('BUILD FAILURE') : log
return true
