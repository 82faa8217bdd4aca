@echo off
rem compose4j launcher of the release archive (bin\compose4j.cmd, lib\compose4j.jar) for Windows:
rem runs lib\compose4j.jar with the java of JAVA_HOME, else the java on PATH (17 or later), with
rem the C1 compiler only. (The class-data-sharing archive of bin/compose4j is not made here.)
setlocal
set "COMPOSE4J_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -XX:C1MaxInlineSize=20 -XX:C1MaxInlineLevel=3 %JAVA_OPTS% -jar "%COMPOSE4J_HOME%\lib\compose4j.jar" %*
exit /b %ERRORLEVEL%
