/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/resource.h>

#include "jihua.h"
#include "test-utils.h"

/* Files built to harm, given to the readers of plans and of clause
 * libraries (both come from the web and from shared folders): each is
 * refused with an error that names the file and what is wrong, without
 * expanding, recursing or allocating without bound.  And the inputs the
 * fuzzers found, kept as regression tests.
 */

typedef enum
{
  FORMAT_PLAN,
  FORMAT_LIBRARY,
} Format;

static const char *format_names[] = { "plan", "library" };

/* A small valid document of each kind, with room for a prolog, the
 * text of one element and what else goes in its body.
 */
static GString *
document (Format      format,
          const char *prolog,
          const char *text,
          const char *extra)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append (xml, prolog);
  if (format == FORMAT_PLAN)
    g_string_append_printf (xml,
                            "<plan xmlns=\"" JH_PLAN_NAMESPACE "\" format-version=\"1\" status=\"draft\" year=\"2027\">\n"
                            "  <title>%s</title>\n"
                            "  <section kind=\"main-tasks\">\n"
                            "    <task><lead>开展专题调研</lead>%s</task>\n"
                            "  </section>\n"
                            "</plan>\n", text, extra);
  else
    g_string_append_printf (xml,
                            "<library xmlns=\"" JH_LIBRARY_NAMESPACE "\" format-version=\"1\" version=\"1\">\n"
                            "  <title>条款库</title>\n"
                            "  <clause id=\"test.one\" version=\"1\"%s>\n"
                            "    <kind>main-tasks</kind>\n"
                            "    <title>条款</title>\n"
                            "    <text>%s</text>\n"
                            "  </clause>\n"
                            "</library>\n", extra, text);

  return xml;
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_maxrss;
}

/* Loads @xml as @format and checks that it is refused with @code, that
 * the message names the file and one of the "|"-separated @hint, and
 * that reading it
 * took no more than a bounded amount of memory.
 */
static void
assert_refused (Format      format,
                GString    *xml,
                int         code,
                const char *hint)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml->str, xml->len);
  g_autoptr(GError) error = NULL;
  const char *name = format == FORMAT_PLAN ? "恶意.jhplan" : "恶意.jhlib";
  g_autoptr(GObject) loaded = NULL;
  glong rss_before = max_rss_kb ();

  if (format == FORMAT_PLAN)
    loaded = (GObject *) jh_plan_load_from_bytes (bytes, name, &error);
  else
    loaded = (GObject *) jh_library_load_from_bytes (bytes, name, &error);

  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", format_names[format], error->message);
  g_assert_true (error->domain == JH_FILE_ERROR);
  g_assert_cmpint (error->code, ==, code);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* One of the hints, separated by "|": what is named. */
  if (hint != NULL)
    {
      g_auto(GStrv) hints = g_strsplit (hint, "|", -1);
      gboolean named = FALSE;

      for (guint i = 0; hints[i] != NULL; i++)
        named |= strstr (error->message, hints[i]) != NULL;
      if (!named)
        g_error ("“%s” names none of “%s”", error->message, hint);
    }

  /* Bounded memory: a few times the input at most, never what an
   * expansion would take (gigabytes).  The peak only ever grows, so
   * this holds for each input in turn.
   */
  g_assert_cmpint (max_rss_kb () - rss_before, <, 64 * 1024 + 8 * (glong) xml->len / 1024);
}

static void
test_external_entity (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) xml = document (format,
                                     "<!DOCTYPE root [\n"
                                     "  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n"
                                     "  <!ENTITY remote SYSTEM \"http://example.com/x.xml\">\n"
                                     "]>\n",
                                     "&secret;&remote;", "");

  assert_refused (format, xml, JH_FILE_ERROR_FORBIDDEN, NULL);
}

static void
test_parameter_entity (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) xml = document (format,
                                     "<!DOCTYPE root [\n"
                                     "  <!ENTITY % remote SYSTEM \"http://example.com/evil.dtd\">\n"
                                     "  %remote;\n"
                                     "]>\n",
                                     "标题", "");

  assert_refused (format, xml, JH_FILE_ERROR_FORBIDDEN, NULL);
}

static void
test_entity_bomb (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) prolog = g_string_new ("<!DOCTYPE root [\n  <!ENTITY a0 \"哈哈哈哈哈哈哈哈\">\n");
  g_autoptr(GString) xml = NULL;

  /* Twelve levels of ten: 10^12 copies if anything expanded it. */
  for (guint level = 1; level <= 12; level++)
    {
      g_string_append_printf (prolog, "  <!ENTITY a%u \"", level);
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (prolog, "&a%u;", level - 1);
      g_string_append (prolog, "\">\n");
    }
  g_string_append (prolog, "]>\n");
  xml = document (format, prolog->str, "&a12;", "");

  assert_refused (format, xml, JH_FILE_ERROR_FORBIDDEN, NULL);
}

/* Undeclared entities without a DOCTYPE: not well-formed. */
static void
test_undeclared_entity (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) xml = document (format, "", "&undeclared;", "");

  assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, NULL);
}

static void
test_deep_nesting (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) inner = g_string_new (NULL);
  g_autoptr(GString) xml = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (inner, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (inner, "</a>");
  xml = document (format, "", "深", inner->str);
  if (format == FORMAT_LIBRARY)
    {
      /* In a library the nesting goes in the text. */
      g_string_free (xml, TRUE);
      xml = document (format, "", inner->str, "");
    }

  /* Refused by libxml2's depth limit, without running out of stack. */
  assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, NULL);
}

/* An attribute of 20 MB: beyond what libxml2 reads without
 * XML_PARSE_HUGE, which the readers never ask for.
 */
static void
test_huge_attribute (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) attribute = g_string_new (" note=\"");
  g_autoptr(GString) xml = NULL;

  for (guint i = 0; i < 20 * 1024 * 1024 / 8; i++)
    g_string_append (attribute, "计划计划");
  g_string_truncate (attribute, 20 * 1024 * 1024);
  g_string_append (attribute, "\"");

  if (format == FORMAT_PLAN)
    {
      g_autoptr(GString) target = g_string_new ("<target metric=\"调研\" comparison=\"at-least\" number=\"1\"");

      g_string_append (target, attribute->str);
      g_string_append (target, "/>");
      xml = document (format, "", "标题", target->str);
    }
  else
    xml = document (format, "", "条款", attribute->str);

  assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, NULL);
}

/* An attribute of a megabyte that libxml2 does read, where a short name
 * is expected: refused by the schema, naming the attribute.
 */
static void
test_long_attribute (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) extra = NULL;
  g_autoptr(GString) xml = NULL;

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (value, '9');

  if (format == FORMAT_PLAN)
    {
      extra = g_string_new (NULL);
      g_string_printf (extra, "<target metric=\"调研\" comparison=\"at-least\" number=\"%s\"/>", value->str);
      xml = document (format, "", "标题", extra->str);
      assert_refused (format, xml, JH_FILE_ERROR_INVALID, "number");
    }
  else
    {
      extra = g_string_new (NULL);
      g_string_printf (extra, " year=\"%s\"", value->str);
      xml = document (format, "", "条款", extra->str);
      assert_refused (format, xml, JH_FILE_ERROR_INVALID, "year");
    }
}

static void
test_invalid_utf8 (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  const char *sequences[] = {
    "\xff\xfe",            /* never UTF-8 */
    "\xc0\xaf",            /* an overlong "/" */
    "\xed\xa0\x80",        /* a surrogate */
    "\xe8\xae",            /* cut short */
    "\xf4\x90\x80\x80",    /* beyond U+10FFFF */
  };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autofree char *text = g_strconcat ("计划", sequences[i], "要点", NULL);
      g_autoptr(GString) xml = document (format, "", text, "");

      assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, ":");
    }
}

static void
test_nul_bytes (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  g_autoptr(GString) xml = document (format, "", "计划@要点", "");
  char *at = strchr (xml->str, '@');

  /* A NUL inside the text, and one before the root. */
  *at = '\0';
  assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, NULL);

  g_string_insert_len (xml, 0, "\0", 1);
  assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, NULL);
}

/* Control characters XML does not allow, written as references. */
static void
test_forbidden_characters (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);
  const char *references[] = { "&#0;", "&#x1;", "&#xFFFE;", "&#xD800;", "&#1114112;", "&#99999999999999999999;" };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *text = g_strconcat ("计划", references[i], NULL);
      g_autoptr(GString) xml = document (format, "", text, "");

      assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, NULL);
    }
}

static void
test_absurd_plan_numbers (void)
{
  const struct {
    const char *extra;
    const char *hint;
  } cases[] = {
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"99999999999999999999999\"/>", "number" },
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"1e308\"/>", "number" },
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"1e999\"/>", "number" },
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"NaN\"/>", "number" },
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"INF\"/>", "number" },
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"-1\"/>", "number" },
    { "<target metric=\"调研\" comparison=\"at-least\" number=\"0x10\"/>", "number" },
  };
  const char *dates[] = { "2027-02-30", "2027-13-01", "99999999-01-01", "-2027-01-01", "0000-01-01", "2027-1-1" };
  const char *years[] = { "0", "-2027", "99999999999999999999", "2027.5", "1e4", "" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) xml = document (FORMAT_PLAN, "", "标题", cases[i].extra);

      assert_refused (FORMAT_PLAN, xml, JH_FILE_ERROR_INVALID, cases[i].hint);
    }

  /* The plan's date. */
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GString) xml = document (FORMAT_PLAN, "", "标题", "");
      g_autofree char *element = g_strdup_printf ("  <date>%s</date>\n", dates[i]);

      g_string_insert (xml, strstr (xml->str, "  <section") - xml->str, element);
      g_autofree char *hint = g_strdup_printf ("%s", dates[i]);

      assert_refused (FORMAT_PLAN, xml, JH_FILE_ERROR_INVALID, hint);
    }

  /* The plan's year: libxml2 names the element whose attribute is
   * wrong, not the attribute.
   */
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GString) xml = document (FORMAT_PLAN, "", "标题", "");
      g_autofree char *attribute = g_strdup_printf ("year=\"%s\"", years[i]);
      g_autofree char *hint = g_strdup_printf ("plan|'%s'", years[i]);
      char *at = strstr (xml->str, "year=\"2027\"");
      gsize position = at - xml->str;

      g_string_erase (xml, position, strlen ("year=\"2027\""));
      g_string_insert (xml, position, attribute);
      assert_refused (FORMAT_PLAN, xml, JH_FILE_ERROR_INVALID, hint);
    }
}

static void
test_absurd_library_numbers (void)
{
  const struct {
    const char *extra;
    const char *hint;
  } cases[] = {
    { " year=\"99999999999999999999\"", "year" },
    { " year=\"0\"", "year" },
    { " year=\"-1\"", "year" },
    { " year=\"NaN\"", "year" },
  };
  const char *versions[] = { "0", "-1", "99999999999999999999999", "1e3", "NaN" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) xml = document (FORMAT_LIBRARY, "", "条款", cases[i].extra);

      assert_refused (FORMAT_LIBRARY, xml, JH_FILE_ERROR_INVALID, cases[i].hint);
    }

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr(GString) xml = document (FORMAT_LIBRARY, "", "条款", "");
      g_autofree char *attribute = g_strdup_printf ("id=\"test.one\" version=\"%s\"", versions[i]);
      g_autofree char *hint = g_strdup_printf ("version|clause|'%s'", versions[i]);
      char *at = strstr (xml->str, "id=\"test.one\" version=\"1\"");
      gsize position = at - xml->str;

      g_string_erase (xml, position, strlen ("id=\"test.one\" version=\"1\""));
      g_string_insert (xml, position, attribute);
      assert_refused (FORMAT_LIBRARY, xml, JH_FILE_ERROR_INVALID, hint);
    }
}

/* What the fuzzers found, kept in tests/data/fuzz: each input is read
 * or refused as the fuzzer expects, and no longer fails.
 */
static void
test_fuzz_profiles (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *written = NULL;
      g_autofree char *written_again = NULL;
      g_autoptr(JhPageProfile) profile = NULL;
      g_autoptr(JhPageProfile) again = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_str_has_suffix (name, JH_PAGE_PROFILE_SUFFIX))
        continue;

      path = g_build_filename (folder, name, NULL);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);

      profile = jh_page_profile_new_from_data (contents, length, name, &error);
      if (profile == NULL)
        {
          g_assert_true (error->domain == JH_PAGE_PROFILE_ERROR);
          continue;
        }

      written = jh_page_profile_to_data (profile, &length);
      again = jh_page_profile_new_from_data (written, length, "written", &error);
      g_assert_no_error (error);
      written_again = jh_page_profile_to_data (again, &length);
      g_assert_cmpstr (written, ==, written_again);
      count++;
    }

  g_assert_cmpuint (count, >, 0);
}

/* Found by fuzz-library: libxml2 quotes the file in some messages and
 * cut a character in two; each library and plan the fuzzers kept is
 * read, or refused with a message in UTF-8.
 */
static void
test_fuzz_xml (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GObject) loaded = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_str_has_suffix (name, JH_LIBRARY_FILE_SUFFIX) && !g_str_has_suffix (name, ".jhplan"))
        continue;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new (contents, length);

      if (g_str_has_suffix (name, JH_LIBRARY_FILE_SUFFIX))
        loaded = (GObject *) jh_library_load_from_bytes (bytes, name, &error);
      else
        loaded = (GObject *) jh_plan_load_from_bytes (bytes, name, &error);

      if (loaded == NULL)
        {
          g_assert_true (error->domain == JH_FILE_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      count++;
    }

  g_assert_cmpuint (count, >, 0);
}

/* The same, made on purpose: a comment left open right after a Chinese
 * character, which libxml2 quotes a hundred bytes of.
 */
static void
test_message_cut_character (gconstpointer data)
{
  Format format = GPOINTER_TO_INT (data);

  for (guint shift = 0; shift < 3; shift++)
    {
      g_autoptr(GString) xml = document (format, "", "计划", "");
      g_autoptr(GString) comment = g_string_new ("<!--");

      for (guint i = 0; i < shift; i++)
        g_string_append_c (comment, 'x');
      for (guint i = 0; i < 60; i++)
        g_string_append (comment, "注释");
      g_string_insert (xml, strstr (xml->str, "  <title>") - xml->str, comment->str);

      assert_refused (format, xml, JH_FILE_ERROR_MALFORMED, "Comment");
    }
}

/* Found by fuzz-profile: a font name in two pairs of quotes lost one
 * pair each time it was read.
 */
static void
test_profile_quoted_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPageProfile) profile = NULL;
  const char *data = "[Fonts]\nbody=\"\"'仿宋_GB2312'\"\", ''FangSong''\n";

  profile = jh_page_profile_new_from_data (data, -1, "quoted.jhprofile", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_BODY), ==, "仿宋_GB2312,FangSong");
}

static void
add_for_both (const char     *name,
              GTestDataFunc   func)
{
  for (Format format = FORMAT_PLAN; format <= FORMAT_LIBRARY; format++)
    {
      g_autofree char *path = g_strdup_printf ("/jihua/hostile/%s/%s", format_names[format], name);

      g_test_add_data_func (path, GINT_TO_POINTER (format), func);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_for_both ("external-entity", test_external_entity);
  add_for_both ("parameter-entity", test_parameter_entity);
  add_for_both ("entity-bomb", test_entity_bomb);
  add_for_both ("undeclared-entity", test_undeclared_entity);
  add_for_both ("deep-nesting", test_deep_nesting);
  add_for_both ("huge-attribute", test_huge_attribute);
  add_for_both ("long-attribute", test_long_attribute);
  add_for_both ("invalid-utf8", test_invalid_utf8);
  add_for_both ("nul-bytes", test_nul_bytes);
  add_for_both ("forbidden-characters", test_forbidden_characters);
  add_for_both ("message-cut-character", test_message_cut_character);
  g_test_add_func ("/jihua/hostile/plan/absurd-numbers", test_absurd_plan_numbers);
  g_test_add_func ("/jihua/hostile/library/absurd-numbers", test_absurd_library_numbers);
  g_test_add_func ("/jihua/hostile/profile/fuzz-regressions", test_fuzz_profiles);
  g_test_add_func ("/jihua/hostile/xml/fuzz-regressions", test_fuzz_xml);
  g_test_add_func ("/jihua/hostile/profile/quoted-font", test_profile_quoted_font);

  return g_test_run ();
}
