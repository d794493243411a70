/* The floor: the least any YAML linter built on libyaml must do. Reads every file named on
 * the command line (or, with "-", one path per line on stdin), runs libyaml's event parser
 * over it and drops the events. Single-threaded, like a plain libyaml loop.
 *
 *   cc -O2 -o floor bench/floor.c -lyaml && ./floor file.yaml ...   (or: find ... | ./floor -)
 *
 * Prints the number of files, bytes, events and parse errors on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long files, bytes, events, errors;
static unsigned char *buf;
static size_t cap;

static void parse(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { errors++; return; }
    size_t len = 0, n;
    for (;;) {
        if (len == cap) { cap = cap ? cap * 2 : 1 << 16; buf = realloc(buf, cap); }
        n = fread(buf + len, 1, cap - len, f);
        if (n == 0) break;
        len += n;
    }
    fclose(f);
    files++;
    bytes += len;
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buf, len);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { errors++; break; }
        int done = event.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "-") == 0) {
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = 0;
            if (*line) parse(line);
        }
    } else {
        for (int i = 1; i < argc; i++) parse(argv[i]);
    }
    fprintf(stderr, "floor: %lu files, %lu bytes, %lu events, %lu errors\n", files, bytes, events, errors);
    return errors ? 1 : 0;
}
