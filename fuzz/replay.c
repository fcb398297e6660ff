/*
 * replay.c -- run LLVMFuzzerTestOneInput on every file of the given
 * directories (or on given files), without clang or libFuzzer.
 *
 *   replay DIR|FILE...
 *
 * Each input runs in a child process, so one violation (abort) or crash is
 * counted and the rest still run.  Prints one line per failure and a last
 * line "fuzz: N passed, M failed"; exit status 1 when something failed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int read_file(const char *path, uint8_t **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t cap = 1 << 16, n = 0;
    uint8_t *p = malloc(cap);
    if (!p) { fclose(f); return -1; }
    for (;;) {
        if (n == cap) {
            uint8_t *q = realloc(p, cap * 2);
            if (!q) { free(p); fclose(f); return -1; }
            p = q;
            cap *= 2;
        }
        const size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    const int err = ferror(f);
    fclose(f);
    if (err) { free(p); return -1; }
    *out = p;
    *len = n;
    return 0;
}

static unsigned passed, failed;

static void run_one(const char *path)
{
    fflush(stdout);
    fflush(stderr);
    const pid_t pid = fork();
    if (pid < 0) { perror("fork"); failed++; return; }
    if (pid == 0) {
        uint8_t *data = NULL;
        size_t len = 0;
        if (read_file(path, &data, &len) != 0) { perror(path); _exit(3); }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
        _exit(0);
    }
    int st = 0;
    if (waitpid(pid, &st, 0) < 0) { perror("waitpid"); failed++; return; }
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
        passed++;
    } else {
        failed++;
        if (WIFSIGNALED(st))
            printf("FAILED %s (signal %d)\n", path, WTERMSIG(st));
        else
            printf("FAILED %s (exit %d)\n", path, WEXITSTATUS(st));
    }
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) { perror(dir); failed++; return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **q = realloc(names, cap * sizeof *names);
            if (!q) { perror("realloc"); exit(4); }
            names = q;
        }
        const size_t l = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(l);
        if (!names[n]) { perror("malloc"); exit(4); }
        snprintf(names[n], l, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) run_one(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) { perror(argv[i]); failed++; continue; }
        if (S_ISDIR(sb.st_mode)) run_dir(argv[i]);
        else run_one(argv[i]);
    }
    printf("fuzz: %u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
