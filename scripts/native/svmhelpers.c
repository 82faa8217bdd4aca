/* Stand-ins, written for the native-image trial (docs/NATIVE-IMAGE.md), for the C helpers that a
   GraalVM distribution ships in lib/svm/clibraries (CPU features, signals, locale, container
   support) and for the JNI_OnLoad_<lib> entry points of the JDK's static libraries. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <jni.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "amd64cpufeatures.h"
#include "svm_locale.h"

void determineCPUFeatures(CPUFeatures *f) {
  memset(f, 0, sizeof(*f));
  __builtin_cpu_init();
  f->fCX8 = 1; f->fCMOV = (__builtin_cpu_supports("cmov") != 0); f->fFXSR = 1; f->fMMX = (__builtin_cpu_supports("mmx") != 0);
  f->fSSE = (__builtin_cpu_supports("sse") != 0); f->fSSE2 = (__builtin_cpu_supports("sse2") != 0); f->fSSE3 = (__builtin_cpu_supports("sse3") != 0);
  f->fSSSE3 = (__builtin_cpu_supports("ssse3") != 0); f->fSSE4_1 = (__builtin_cpu_supports("sse4.1") != 0); f->fSSE4_2 = (__builtin_cpu_supports("sse4.2") != 0);
  f->fPOPCNT = (__builtin_cpu_supports("popcnt") != 0); f->fAVX = (__builtin_cpu_supports("avx") != 0); f->fAVX2 = (__builtin_cpu_supports("avx2") != 0);
  f->fBMI1 = (__builtin_cpu_supports("bmi") != 0); f->fBMI2 = (__builtin_cpu_supports("bmi2") != 0); f->fFMA = (__builtin_cpu_supports("fma") != 0);
  f->fAES = (__builtin_cpu_supports("aes") != 0); f->fCLMUL = (__builtin_cpu_supports("pclmul") != 0); f->fLZCNT = f->fBMI1;
  f->fF16C = (__builtin_cpu_supports("f16c") != 0); f->fVZEROUPPER = f->fAVX;
}
int checkCPUFeatures(char *buildtimeFeatures) { (void) buildtimeFeatures; return 0; }
int checkCPUFeaturesOrExit(char *buildtimeFeatures, char *errorMessage) { (void) buildtimeFeatures; (void) errorMessage; return 0; }

/* signals: a counter per signal and one semaphore */
static sem_t sig_sem;
static volatile sig_atomic_t pending[NSIG];
static void sig_handler(int sig) { if (sig > 0 && sig < NSIG) { pending[sig]++; sem_post(&sig_sem); } }
int cSunMiscSignal_open(void) { return sem_init(&sig_sem, 0, 0); }
int cSunMiscSignal_close(void) { return sem_destroy(&sig_sem); }
int cSunMiscSignal_awaitSemaphore(void) { while (sem_wait(&sig_sem) != 0) {} return 0; }
int cSunMiscSignal_signalSemaphore(void) { return sem_post(&sig_sem); }
int cSunMiscSignal_signalRangeCheck(int sig) { return sig > 0 && sig < NSIG; }
int cSunMiscSignal_checkPendingSignal(void) {
  for (int i = 1; i < NSIG; i++) { if (pending[i] > 0) { pending[i]--; return i; } }
  return -1;
}
void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *) sig_handler; }

/* locale */
static svm_locale_props_t locale_props;
int svm_initialize_locale(void) {
  static char lang[16] = "en", country[16] = "";
  const char *l = getenv("LC_ALL"); if (!l || !*l) l = getenv("LANG");
  if (l && *l && strcmp(l, "C") && strcmp(l, "POSIX") && strncmp(l, "C.", 2)) {
    sscanf(l, "%15[a-z]_%15[A-Z]", lang, country);
  }
  locale_props.display_language = locale_props.format_language = lang;
  locale_props.display_country = locale_props.format_country = country;
  locale_props.display_script = locale_props.format_script = "";
  locale_props.display_variant = locale_props.format_variant = "";
  return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}
svm_locale_props_t *svm_get_locale(void) { return &locale_props; }

/* container support: report "not containerized" */
int svm_container_initialize(int version) { (void) version; return 0; }
unsigned long svm_container_physical_memory(void) { return (unsigned long) sysconf(_SC_PHYS_PAGES) * (unsigned long) sysconf(_SC_PAGESIZE); }
int svm_container_active_processor_count(void) { return (int) sysconf(_SC_NPROCESSORS_ONLN); }

/* small libc wrappers */
int fprintfSD(FILE *f, const char *fmt, const char *s, int d) { return fprintf(f, fmt, s, d); }
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
void *mremapP(void *old, size_t oldSize, size_t newSize, int flags, void *newAddress) { return mremap(old, oldSize, newSize, flags, newAddress); }
int getThreadId(void) { return gettid(); }
char *SVM_FindJavaTZmd(const char *javaHome, int len) {
  (void) javaHome; (void) len;
  const char *tz = getenv("TZ");
  if (tz && *tz) return strdup(*tz == ':' ? tz + 1 : tz);
  char buf[4096]; ssize_t n = readlink("/etc/localtime", buf, sizeof(buf) - 1);
  if (n > 0) { buf[n] = 0; char *z = strstr(buf, "zoneinfo/"); if (z) return strdup(z + 9); }
  return strdup("UTC");
}
/* svm's own libjvm is initialized here (Jvm.initialize); the stand-in libjvm needs nothing */
void initialize(void) {}

/* the JDK's shared libraries all name their entry point JNI_OnLoad */
static jint forward_onload(const char *lib, JavaVM *vm, void *reserved) {
  void *h = dlopen(lib, RTLD_NOW | RTLD_NOLOAD);
  if (!h) { fprintf(stderr, "compose4j native: %s not loaded: %s\n", lib, dlerror()); return JNI_ERR; }
  jint (*f)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(h, "JNI_OnLoad");
  jint v = f ? f(vm, reserved) : JNI_VERSION_1_8;
  /* a statically linked library must answer at least 1.8; the shared ones answer 1.2 */
  return v < 0 ? v : (v < JNI_VERSION_1_8 ? JNI_VERSION_1_8 : v);
}
JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *r) { return forward_onload("libjava.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *r) { return forward_onload("libnio.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *r) { return forward_onload("libnet.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *r) { return forward_onload("libzip.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_extnet(JavaVM *vm, void *r) { return forward_onload("libextnet.so", vm, r); }
