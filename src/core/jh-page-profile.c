/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jh-enum-types.h"
#include "jh-page-profile.h"
#include "jh-xml.h"

#define POINTS_PER_MM (72.0 / 25.4)

/**
 * JhPageProfile:
 *
 * The page and type settings of printed plans: paper, margins, the line
 * grid, fonts and page numbers.  A new profile holds the numbers of GB/T
 * 9704-2012; an office that prints its own way keeps a profile file,
 * a key file such as:
 *
 * |[
 * [Page]
 * top=37
 * left=28
 *
 * [Fonts]
 * body=仿宋_GB2312,FangSong
 *
 * [Page Numbers]
 * style=dashes
 * ]|
 *
 * Lengths are millimetres, type sizes points (or Chinese sizes: 三号,
 * 小四).  Keys a profile does not set keep the standard's values, and
 * keys Jihua does not know are ignored, so that profiles written for
 * later versions still load.
 */
struct _JhPageProfile
{
  GObject               parent_instance;

  char                 *name;
  double                page_width;
  double                page_height;
  double                margin_top;
  double                margin_left;
  double                text_width;
  double                text_height;
  guint                 lines_per_page;
  guint                 chars_per_line;
  char                 *fonts[JH_N_TEXT_STYLES];
  double                body_size;
  double                title_size;
  double                page_number_size;
  JhPageNumberStyle     page_number_style;
  JhPageNumberPosition  page_number_position;
  double                page_number_indent;
  double                page_number_distance;
};

G_DEFINE_FINAL_TYPE (JhPageProfile, jh_page_profile, G_TYPE_OBJECT)

G_DEFINE_QUARK (jh-page-profile-error-quark, jh_page_profile_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PAGE_WIDTH,
  PROP_PAGE_HEIGHT,
  PROP_MARGIN_TOP,
  PROP_MARGIN_LEFT,
  PROP_TEXT_WIDTH,
  PROP_TEXT_HEIGHT,
  PROP_LINES_PER_PAGE,
  PROP_CHARS_PER_LINE,
  PROP_TITLE_FONT,
  PROP_HEADING_1_FONT,
  PROP_HEADING_2_FONT,
  PROP_HEADING_3_FONT,
  PROP_HEADING_4_FONT,
  PROP_BODY_FONT,
  PROP_PAGE_NUMBER_FONT,
  PROP_BODY_SIZE,
  PROP_TITLE_SIZE,
  PROP_PAGE_NUMBER_SIZE,
  PROP_PAGE_NUMBER_STYLE,
  PROP_PAGE_NUMBER_POSITION,
  PROP_PAGE_NUMBER_INDENT,
  PROP_PAGE_NUMBER_DISTANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The styles whose font a profile sets; the others borrow one of these
 * (see font_source()).
 */
static const struct
{
  JhTextStyle  style;
  guint        prop_id;
  const char  *property;
  const char  *standard;
} font_properties[] = {
  { JH_TEXT_STYLE_TITLE, PROP_TITLE_FONT, "title-font", "方正小标宋简体" },
  { JH_TEXT_STYLE_HEADING_1, PROP_HEADING_1_FONT, "heading-1-font", "黑体" },
  { JH_TEXT_STYLE_HEADING_2, PROP_HEADING_2_FONT, "heading-2-font", "楷体_GB2312" },
  { JH_TEXT_STYLE_HEADING_3, PROP_HEADING_3_FONT, "heading-3-font", "仿宋_GB2312" },
  { JH_TEXT_STYLE_HEADING_4, PROP_HEADING_4_FONT, "heading-4-font", "仿宋_GB2312" },
  { JH_TEXT_STYLE_BODY, PROP_BODY_FONT, "body-font", "仿宋_GB2312" },
  { JH_TEXT_STYLE_PAGE_NUMBER, PROP_PAGE_NUMBER_FONT, "page-number-font", "宋体" },
};

/* How each key of a profile file is read: its group and name, the
 * property it sets and what kind of value it holds.
 */
typedef enum
{
  KEY_STRING,
  KEY_FONT,
  KEY_MILLIMETRES,
  KEY_POINTS,
  KEY_COUNT,
  KEY_CHARACTERS,
  KEY_ENUM,
} KeyKind;

typedef struct
{
  const char *group;
  const char *key;
  guint       prop_id;
  KeyKind     kind;
} ProfileKey;

static const ProfileKey profile_keys[] = {
  { "Profile", "name", PROP_NAME, KEY_STRING },
  { "Page", "width", PROP_PAGE_WIDTH, KEY_MILLIMETRES },
  { "Page", "height", PROP_PAGE_HEIGHT, KEY_MILLIMETRES },
  { "Page", "top", PROP_MARGIN_TOP, KEY_MILLIMETRES },
  { "Page", "left", PROP_MARGIN_LEFT, KEY_MILLIMETRES },
  { "Page", "text-width", PROP_TEXT_WIDTH, KEY_MILLIMETRES },
  { "Page", "text-height", PROP_TEXT_HEIGHT, KEY_MILLIMETRES },
  { "Grid", "lines", PROP_LINES_PER_PAGE, KEY_COUNT },
  { "Grid", "characters", PROP_CHARS_PER_LINE, KEY_COUNT },
  { "Fonts", "title", PROP_TITLE_FONT, KEY_FONT },
  { "Fonts", "heading-1", PROP_HEADING_1_FONT, KEY_FONT },
  { "Fonts", "heading-2", PROP_HEADING_2_FONT, KEY_FONT },
  { "Fonts", "heading-3", PROP_HEADING_3_FONT, KEY_FONT },
  { "Fonts", "heading-4", PROP_HEADING_4_FONT, KEY_FONT },
  { "Fonts", "body", PROP_BODY_FONT, KEY_FONT },
  { "Fonts", "page-number", PROP_PAGE_NUMBER_FONT, KEY_FONT },
  { "Sizes", "title", PROP_TITLE_SIZE, KEY_POINTS },
  { "Sizes", "body", PROP_BODY_SIZE, KEY_POINTS },
  { "Sizes", "page-number", PROP_PAGE_NUMBER_SIZE, KEY_POINTS },
  { "Page Numbers", "style", PROP_PAGE_NUMBER_STYLE, KEY_ENUM },
  { "Page Numbers", "position", PROP_PAGE_NUMBER_POSITION, KEY_ENUM },
  { "Page Numbers", "indent", PROP_PAGE_NUMBER_INDENT, KEY_CHARACTERS },
  { "Page Numbers", "distance", PROP_PAGE_NUMBER_DISTANCE, KEY_MILLIMETRES },
};

static const ProfileKey *
find_profile_key (guint prop_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (profile_keys); i++)
    if (profile_keys[i].prop_id == prop_id)
      return &profile_keys[i];

  g_assert_not_reached ();
}

static guint
font_prop_id (JhTextStyle style)
{
  for (guint i = 0; i < G_N_ELEMENTS (font_properties); i++)
    if (font_properties[i].style == style)
      return font_properties[i].prop_id;

  return PROP_0;
}

static JhTextStyle
font_prop_style (guint prop_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (font_properties); i++)
    if (font_properties[i].prop_id == prop_id)
      return font_properties[i].style;

  g_assert_not_reached ();
}

/* The standard gives the parts of a document that are not headings or
 * body text the face of one that is: tables and the sign-off are set
 * like the body, the label "附件" in 黑体 like a first-level heading, an
 * attachment's title like the document's.
 */
static JhTextStyle
font_source (JhTextStyle style)
{
  switch (style)
    {
    case JH_TEXT_STYLE_TABLE_HEADING:
    case JH_TEXT_STYLE_ATTACHMENT_LABEL:
      return JH_TEXT_STYLE_HEADING_1;
    case JH_TEXT_STYLE_TABLE_TEXT:
    case JH_TEXT_STYLE_ATTACHMENT_NOTE:
    case JH_TEXT_STYLE_SIGNOFF:
      return JH_TEXT_STYLE_BODY;
    case JH_TEXT_STYLE_ATTACHMENT_TITLE:
      return JH_TEXT_STYLE_TITLE;
    case JH_TEXT_STYLE_TITLE:
    case JH_TEXT_STYLE_HEADING_1:
    case JH_TEXT_STYLE_HEADING_2:
    case JH_TEXT_STYLE_HEADING_3:
    case JH_TEXT_STYLE_HEADING_4:
    case JH_TEXT_STYLE_BODY:
    case JH_TEXT_STYLE_PAGE_NUMBER:
    default:
      return style;
    }
}

static void
set_double (JhPageProfile *self,
            double        *field,
            double         value,
            guint          prop_id)
{
  GParamSpecDouble *pspec = G_PARAM_SPEC_DOUBLE (properties[prop_id]);

  g_return_if_fail (value >= pspec->minimum && value <= pspec->maximum);

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (JhPageProfile *self,
          guint         *field,
          guint          value,
          guint          prop_id)
{
  GParamSpecUInt *pspec = G_PARAM_SPEC_UINT (properties[prop_id]);

  g_return_if_fail (value >= pspec->minimum && value <= pspec->maximum);

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
jh_page_profile_finalize (GObject *object)
{
  JhPageProfile *self = (JhPageProfile *) object;

  g_free (self->name);
  for (guint i = 0; i < JH_N_TEXT_STYLES; i++)
    g_free (self->fonts[i]);

  G_OBJECT_CLASS (jh_page_profile_parent_class)->finalize (object);
}

static void
jh_page_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JhPageProfile *self = JH_PAGE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PAGE_WIDTH:
      g_value_set_double (value, self->page_width);
      break;
    case PROP_PAGE_HEIGHT:
      g_value_set_double (value, self->page_height);
      break;
    case PROP_MARGIN_TOP:
      g_value_set_double (value, self->margin_top);
      break;
    case PROP_MARGIN_LEFT:
      g_value_set_double (value, self->margin_left);
      break;
    case PROP_TEXT_WIDTH:
      g_value_set_double (value, self->text_width);
      break;
    case PROP_TEXT_HEIGHT:
      g_value_set_double (value, self->text_height);
      break;
    case PROP_LINES_PER_PAGE:
      g_value_set_uint (value, self->lines_per_page);
      break;
    case PROP_CHARS_PER_LINE:
      g_value_set_uint (value, self->chars_per_line);
      break;
    case PROP_TITLE_FONT:
    case PROP_HEADING_1_FONT:
    case PROP_HEADING_2_FONT:
    case PROP_HEADING_3_FONT:
    case PROP_HEADING_4_FONT:
    case PROP_BODY_FONT:
    case PROP_PAGE_NUMBER_FONT:
      g_value_set_string (value, self->fonts[font_prop_style (prop_id)]);
      break;
    case PROP_BODY_SIZE:
      g_value_set_double (value, self->body_size);
      break;
    case PROP_TITLE_SIZE:
      g_value_set_double (value, self->title_size);
      break;
    case PROP_PAGE_NUMBER_SIZE:
      g_value_set_double (value, self->page_number_size);
      break;
    case PROP_PAGE_NUMBER_STYLE:
      g_value_set_enum (value, self->page_number_style);
      break;
    case PROP_PAGE_NUMBER_POSITION:
      g_value_set_enum (value, self->page_number_position);
      break;
    case PROP_PAGE_NUMBER_INDENT:
      g_value_set_double (value, self->page_number_indent);
      break;
    case PROP_PAGE_NUMBER_DISTANCE:
      g_value_set_double (value, self->page_number_distance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_page_profile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JhPageProfile *self = JH_PAGE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      jh_page_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_PAGE_WIDTH:
      jh_page_profile_set_page_width (self, g_value_get_double (value));
      break;
    case PROP_PAGE_HEIGHT:
      jh_page_profile_set_page_height (self, g_value_get_double (value));
      break;
    case PROP_MARGIN_TOP:
      jh_page_profile_set_margin_top (self, g_value_get_double (value));
      break;
    case PROP_MARGIN_LEFT:
      jh_page_profile_set_margin_left (self, g_value_get_double (value));
      break;
    case PROP_TEXT_WIDTH:
      jh_page_profile_set_text_width (self, g_value_get_double (value));
      break;
    case PROP_TEXT_HEIGHT:
      jh_page_profile_set_text_height (self, g_value_get_double (value));
      break;
    case PROP_LINES_PER_PAGE:
      jh_page_profile_set_lines_per_page (self, g_value_get_uint (value));
      break;
    case PROP_CHARS_PER_LINE:
      jh_page_profile_set_chars_per_line (self, g_value_get_uint (value));
      break;
    case PROP_TITLE_FONT:
    case PROP_HEADING_1_FONT:
    case PROP_HEADING_2_FONT:
    case PROP_HEADING_3_FONT:
    case PROP_HEADING_4_FONT:
    case PROP_BODY_FONT:
    case PROP_PAGE_NUMBER_FONT:
      jh_page_profile_set_font (self, font_prop_style (prop_id), g_value_get_string (value));
      break;
    case PROP_BODY_SIZE:
      jh_page_profile_set_body_size (self, g_value_get_double (value));
      break;
    case PROP_TITLE_SIZE:
      jh_page_profile_set_title_size (self, g_value_get_double (value));
      break;
    case PROP_PAGE_NUMBER_SIZE:
      jh_page_profile_set_page_number_size (self, g_value_get_double (value));
      break;
    case PROP_PAGE_NUMBER_STYLE:
      jh_page_profile_set_page_number_style (self, g_value_get_enum (value));
      break;
    case PROP_PAGE_NUMBER_POSITION:
      jh_page_profile_set_page_number_position (self, g_value_get_enum (value));
      break;
    case PROP_PAGE_NUMBER_INDENT:
      jh_page_profile_set_page_number_indent (self, g_value_get_double (value));
      break;
    case PROP_PAGE_NUMBER_DISTANCE:
      jh_page_profile_set_page_number_distance (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
length_param (const char *name,
              double      minimum,
              double      maximum,
              double      standard)
{
  return g_param_spec_double (name, NULL, NULL, minimum, maximum, standard,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
jh_page_profile_class_init (JhPageProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = jh_page_profile_finalize;
  object_class->get_property = jh_page_profile_get_property;
  object_class->set_property = jh_page_profile_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "GB/T 9704-2012", flags);

  /* Lengths in millimetres.  The ranges keep a profile to paper that
   * exists; whether its parts fit together is jh_page_profile_check()'s
   * business.
   */
  properties[PROP_PAGE_WIDTH] = length_param ("page-width", 50, 1000, 210);
  properties[PROP_PAGE_HEIGHT] = length_param ("page-height", 50, 1000, 297);
  properties[PROP_MARGIN_TOP] = length_param ("margin-top", 0, 500, 37);
  properties[PROP_MARGIN_LEFT] = length_param ("margin-left", 0, 500, 28);
  properties[PROP_TEXT_WIDTH] = length_param ("text-width", 20, 1000, 156);
  properties[PROP_TEXT_HEIGHT] = length_param ("text-height", 20, 1000, 225);
  properties[PROP_PAGE_NUMBER_DISTANCE] = length_param ("page-number-distance", 0, 100, 7);

  properties[PROP_LINES_PER_PAGE] =
    g_param_spec_uint ("lines-per-page", NULL, NULL, 1, 100, 22, flags);
  properties[PROP_CHARS_PER_LINE] =
    g_param_spec_uint ("chars-per-line", NULL, NULL, 2, 100, 28, flags);

  /* Font families separated by commas, the preferred first. */
  for (guint i = 0; i < G_N_ELEMENTS (font_properties); i++)
    properties[font_properties[i].prop_id] =
      g_param_spec_string (font_properties[i].property, NULL, NULL, font_properties[i].standard, flags);

  /* Type sizes in points: 3号 is 16 pt, 2号 22 pt, 4号 14 pt. */
  properties[PROP_BODY_SIZE] = length_param ("body-size", 5, 72, 16);
  properties[PROP_TITLE_SIZE] = length_param ("title-size", 5, 72, 22);
  properties[PROP_PAGE_NUMBER_SIZE] = length_param ("page-number-size", 5, 72, 14);

  properties[PROP_PAGE_NUMBER_STYLE] =
    g_param_spec_enum ("page-number-style", NULL, NULL,
                       JH_TYPE_PAGE_NUMBER_STYLE, JH_PAGE_NUMBER_STYLE_DASHES, flags);
  properties[PROP_PAGE_NUMBER_POSITION] =
    g_param_spec_enum ("page-number-position", NULL, NULL,
                       JH_TYPE_PAGE_NUMBER_POSITION, JH_PAGE_NUMBER_POSITION_OUTSIDE, flags);

  /* In characters of the page number's size. */
  properties[PROP_PAGE_NUMBER_INDENT] = length_param ("page-number-indent", 0, 20, 1);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_page_profile_init (JhPageProfile *self)
{
  self->name = g_strdup ("GB/T 9704-2012");
  self->page_width = 210;
  self->page_height = 297;
  self->margin_top = 37;
  self->margin_left = 28;
  self->text_width = 156;
  self->text_height = 225;
  self->lines_per_page = 22;
  self->chars_per_line = 28;
  for (guint i = 0; i < G_N_ELEMENTS (font_properties); i++)
    self->fonts[font_properties[i].style] = g_strdup (font_properties[i].standard);
  self->body_size = 16;
  self->title_size = 22;
  self->page_number_size = 14;
  self->page_number_style = JH_PAGE_NUMBER_STYLE_DASHES;
  self->page_number_position = JH_PAGE_NUMBER_POSITION_OUTSIDE;
  self->page_number_indent = 1;
  self->page_number_distance = 7;
}

/**
 * jh_page_profile_new:
 *
 * Returns: (transfer full): a profile with the settings of GB/T
 *   9704-2012
 */
JhPageProfile *
jh_page_profile_new (void)
{
  return g_object_new (JH_TYPE_PAGE_PROFILE, NULL);
}

/**
 * jh_page_profile_copy:
 * @self: a #JhPageProfile
 *
 * A copy to hand to a thread, which the window's later changes to
 * @self do not reach.
 *
 * Returns: (transfer full): a new profile with the settings of @self
 */
JhPageProfile *
jh_page_profile_copy (JhPageProfile *self)
{
  JhPageProfile *copy;

  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), NULL);

  copy = jh_page_profile_new ();
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[i]->name, &value);
    }

  return copy;
}

/* Reading profile files. */

/* GKeyFile does not tell where a key was, so the messages find the line
 * themselves: the last line of @group that sets @key, as GKeyFile keeps
 * the last value of a key set twice.
 */
static int
find_key_line (const char *data,
               const char *group,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  gboolean in_group = FALSE;
  int found = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '#' || *line == '\0')
        continue;

      if (*line == '[')
        {
          g_autofree char *name = g_strndup (line + 1, strcspn (line + 1, "]"));

          in_group = g_str_equal (name, group);
          continue;
        }

      if (in_group)
        {
          const char *equals = strchr (line, '=');
          g_autofree char *name = NULL;

          if (equals == NULL)
            continue;

          name = g_strstrip (g_strndup (line, equals - line));
          if (g_str_equal (name, key))
            found = i + 1;
        }
    }

  return found;
}

static void
set_key_error (GError           **error,
               JhPageProfileError code,
               const char        *data,
               const char        *display_name,
               const ProfileKey  *key,
               const char        *format,
               ...) G_GNUC_PRINTF (6, 7);

static void
set_key_error (GError           **error,
               JhPageProfileError code,
               const char        *data,
               const char        *display_name,
               const ProfileKey  *key,
               const char        *format,
               ...)
{
  g_autofree char *message = NULL;
  int line = data != NULL ? find_key_line (data, key->group, key->key) : 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* TRANSLATORS: a file, a line, a group and a key of a profile file
     * ("[Page] top", which stay as they are) and what is wrong. */
    g_set_error (error, JH_PAGE_PROFILE_ERROR, code, _("%s:%d: [%s] %s: %s"),
                 display_name, line, key->group, key->key, message);
  else
    /* TRANSLATORS: a file, a group and a key of a profile file ("[Page]
     * top", which stay as they are) and what is wrong. */
    g_set_error (error, JH_PAGE_PROFILE_ERROR, code, _("%s: [%s] %s: %s"),
                 display_name, key->group, key->key, message);
}

/* Parses a number with an optional unit after it, which must be @unit
 * when there is one: "37", "37mm", "37 mm".
 */
static gboolean
parse_number (const char *text,
              const char *unit,
              double     *number)
{
  char *end = NULL;
  double value;

  while (g_ascii_isspace (*text))
    text++;

  if (*text == '\0')
    return FALSE;

  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value))
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' && (unit == NULL || g_ascii_strcasecmp (end, unit) != 0))
    return FALSE;

  *number = value;

  return TRUE;
}

/* Chinese type sizes: 初号 and 一号 to 八号, each but 八号 with a smaller
 * 小 size.
 */
static gboolean
parse_chinese_size (const char *text,
                    double     *points)
{
  static const struct
  {
    const char *numerals[2];
    double      size;
    double      small_size;
  } sizes[] = {
    { { "初", "0" }, 42, 36 },
    { { "一", "1" }, 26, 24 },
    { { "二", "2" }, 22, 18 },
    { { "三", "3" }, 16, 15 },
    { { "四", "4" }, 14, 12 },
    { { "五", "5" }, 10.5, 9 },
    { { "六", "6" }, 7.5, 6.5 },
    { { "七", "7" }, 5.5, 0 },
    { { "八", "8" }, 5, 0 },
  };
  g_autofree char *numeral = g_strstrip (g_strdup (text));
  gboolean small = FALSE;

  if (g_str_has_prefix (numeral, "小"))
    {
      small = TRUE;
      memmove (numeral, numeral + strlen ("小"), strlen (numeral) - strlen ("小") + 1);
    }
  if (g_str_has_suffix (numeral, "号"))
    numeral[strlen (numeral) - strlen ("号")] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sizes[i].numerals); j++)
      if (g_str_equal (numeral, sizes[i].numerals[j]))
        {
          double size = small ? sizes[i].small_size : sizes[i].size;

          if (size == 0)
            return FALSE;

          /* "3" alone is three points, not 3号. */
          if (!small && j == 1 && !g_str_has_suffix (text, "号"))
            return FALSE;

          *points = size;
          return TRUE;
        }

  return FALSE;
}

/* Normalises a family list, "仿宋_GB2312 ; FangSong" or
 * "'仿宋_GB2312', FangSong", to "仿宋_GB2312,FangSong".
 */
static char *
normalize_families (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (text, ",;", -1);
  g_auto(GStrv) families = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *family = g_strstrip (parts[i]);
      gsize length = strlen (family);

      /* All the quotes, not one pair: what is written must read back
       * the same ("\"\"x\"\"" once gave "\"x\"", then "x").
       */
      while (length >= 2 && (family[0] == '\'' || family[0] == '"') && family[length - 1] == family[0])
        {
          family[length - 1] = '\0';
          family = g_strstrip (family + 1);
          length = strlen (family);
        }
      if (*family != '\0')
        g_strv_builder_add (builder, family);
    }

  families = g_strv_builder_end (builder);
  if (families[0] == NULL)
    return NULL;

  return g_strjoinv (",", families);
}

static gboolean
read_key (JhPageProfile     *self,
          GKeyFile          *key_file,
          const ProfileKey  *key,
          const char        *data,
          const char        *display_name,
          GError           **error)
{
  GParamSpec *pspec = properties[key->prop_id];
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  double number = 0;

  if (!g_key_file_has_key (key_file, key->group, key->key, NULL))
    return TRUE;

  text = g_key_file_get_string (key_file, key->group, key->key, &local_error);
  if (text == NULL)
    {
      set_key_error (error, JH_PAGE_PROFILE_ERROR_INVALID_VALUE, data, display_name, key,
                     "%s", local_error->message);
      return FALSE;
    }
  g_strstrip (text);

  switch (key->kind)
    {
    case KEY_STRING:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text);
      break;

    case KEY_FONT:
      {
        g_autofree char *families = normalize_families (text);

        if (families == NULL)
          {
            set_key_error (error, JH_PAGE_PROFILE_ERROR_INVALID_VALUE, data, display_name, key,
                           _("No font is named"));
            return FALSE;
          }
        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, families);
      }
      break;

    case KEY_MILLIMETRES:
    case KEY_POINTS:
    case KEY_CHARACTERS:
      {
        GParamSpecDouble *range = G_PARAM_SPEC_DOUBLE (pspec);
        g_autofree char *message = NULL;

        /* TRANSLATORS: %s is a value from a profile file. */
        if (key->kind == KEY_MILLIMETRES && !parse_number (text, "mm", &number))
          message = g_strdup_printf (_("“%s” is not a length in millimetres"), text);
        else if (key->kind == KEY_POINTS && !parse_number (text, "pt", &number) &&
                 !parse_chinese_size (text, &number))
          message = g_strdup_printf (_("“%s” is not a type size in points or a Chinese size such as 三号"), text);
        else if (key->kind == KEY_CHARACTERS && !parse_number (text, NULL, &number))
          message = g_strdup_printf (_("“%s” is not a number of characters"), text);

        if (message != NULL)
          {
            set_key_error (error, JH_PAGE_PROFILE_ERROR_INVALID_VALUE, data, display_name, key,
                           "%s", message);
            return FALSE;
          }

        if (number < range->minimum || number > range->maximum)
          {
            set_key_error (error, JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE, data, display_name, key,
                           _("%g is out of range (%g to %g)"),
                           number, range->minimum, range->maximum);
            return FALSE;
          }

        g_value_init (&value, G_TYPE_DOUBLE);
        g_value_set_double (&value, number);
      }
      break;

    case KEY_COUNT:
      {
        GParamSpecUInt *range = G_PARAM_SPEC_UINT (pspec);
        char *end = NULL;
        gint64 count;

        count = g_ascii_strtoll (text, &end, 10);
        if (*text == '\0' || *end != '\0')
          {
            set_key_error (error, JH_PAGE_PROFILE_ERROR_INVALID_VALUE, data, display_name, key,
                           _("“%s” is not a whole number"), text);
            return FALSE;
          }

        if (count < range->minimum || count > range->maximum)
          {
            set_key_error (error, JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE, data, display_name, key,
                           _("%s is out of range (%u to %u)"),
                           text, range->minimum, range->maximum);
            return FALSE;
          }

        g_value_init (&value, G_TYPE_UINT);
        g_value_set_uint (&value, (guint) count);
      }
      break;

    case KEY_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);
        g_autoptr(GString) allowed = g_string_new (NULL);
        GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, text);

        if (enum_value == NULL)
          {
            for (guint i = 0; i < enum_class->n_values; i++)
              g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "",
                                      enum_class->values[i].value_nick);
            /* TRANSLATORS: the second %s is a list of words, "none, plain, dashes". */
            set_key_error (error, JH_PAGE_PROFILE_ERROR_INVALID_VALUE, data, display_name, key,
                           _("“%s” is not one of %s"), text, allowed->str);
            return FALSE;
          }

        g_value_init (&value, pspec->value_type);
        g_value_set_enum (&value, enum_value->value);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_property (G_OBJECT (self), pspec->name, &value);

  return TRUE;
}

/* Whether the settings fit together.  On failure, @bad_key is the key
 * to blame.
 */
static gboolean
check_profile (JhPageProfile     *self,
               const ProfileKey **bad_key,
               char             **message)
{
  double char_pitch = jh_page_profile_get_char_pitch (self);
  double line_pitch = jh_page_profile_get_line_pitch (self);
  double bottom = jh_page_profile_get_margin_bottom (self) * POINTS_PER_MM;

  if (self->margin_left + self->text_width > self->page_width)
    {
      *bad_key = find_profile_key (PROP_TEXT_WIDTH);
      *message = g_strdup_printf (_("The left margin and the text block (%g mm and %g mm) are wider than the page (%g mm)"),
                                  self->margin_left, self->text_width, self->page_width);
      return FALSE;
    }

  if (self->margin_top + self->text_height > self->page_height)
    {
      *bad_key = find_profile_key (PROP_TEXT_HEIGHT);
      *message = g_strdup_printf (_("The top margin and the text block (%g mm and %g mm) are taller than the page (%g mm)"),
                                  self->margin_top, self->text_height, self->page_height);
      return FALSE;
    }

  /* Characters may be set a little closer than their size, as the
   * standard's 28 characters of 16 pt in 156 mm are, but not on top of
   * each other.
   */
  if (char_pitch < self->body_size * 0.9)
    {
      *bad_key = find_profile_key (PROP_CHARS_PER_LINE);
      *message = g_strdup_printf (_("%u characters of %g pt do not fit in a line of %g mm"),
                                  self->chars_per_line, self->body_size, self->text_width);
      return FALSE;
    }

  if (line_pitch < MAX (self->body_size, self->title_size))
    {
      *bad_key = find_profile_key (PROP_LINES_PER_PAGE);
      *message = g_strdup_printf (_("%u lines of %g pt do not fit in a text block %g mm high"),
                                  self->lines_per_page, MAX (self->body_size, self->title_size),
                                  self->text_height);
      return FALSE;
    }

  if (self->page_number_style != JH_PAGE_NUMBER_STYLE_NONE &&
      self->page_number_distance * POINTS_PER_MM + self->page_number_size > bottom)
    {
      *bad_key = find_profile_key (PROP_PAGE_NUMBER_DISTANCE);
      *message = g_strdup_printf (_("Page numbers %g mm below the text block fall off the page"),
                                  self->page_number_distance);
      return FALSE;
    }

  return TRUE;
}

/**
 * jh_page_profile_check:
 * @self: a #JhPageProfile
 * @error: return location for a #GError
 *
 * Checks that the settings fit together: the text block fits on the
 * page, the characters and lines of the grid fit in it, page numbers
 * are on the paper.
 *
 * Returns: %TRUE if they do
 */
gboolean
jh_page_profile_check (JhPageProfile  *self,
                       GError        **error)
{
  const ProfileKey *bad_key = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check_profile (self, &bad_key, &message))
    return TRUE;

  g_set_error (error, JH_PAGE_PROFILE_ERROR, JH_PAGE_PROFILE_ERROR_INCONSISTENT,
               "%s: %s", self->name, message);

  return FALSE;
}

/**
 * jh_page_profile_new_from_data:
 * @data: the text of a profile file
 * @length: the length of @data, or -1 if it ends with a nul
 * @display_name: how messages name the file
 * @error: return location for a #GError
 *
 * Reads a profile file.  Keys it does not set keep the values of GB/T
 * 9704-2012; unknown groups and keys are ignored.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set; the
 *   message names the file, the line and the key at fault
 */
JhPageProfile *
jh_page_profile_new_from_data (const char  *data,
                               gssize       length,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(JhPageProfile) self = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  const ProfileKey *bad_key = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = length < 0 ? g_strdup (data) : g_strndup (data, length);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, JH_PAGE_PROFILE_ERROR, JH_PAGE_PROFILE_ERROR_MALFORMED,
                   _("%s: The profile is not text in UTF-8"), display_name);
      return NULL;
    }

  if (!g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      g_set_error (error, JH_PAGE_PROFILE_ERROR, JH_PAGE_PROFILE_ERROR_MALFORMED,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  self = jh_page_profile_new ();
  for (guint i = 0; i < G_N_ELEMENTS (profile_keys); i++)
    if (!read_key (self, key_file, &profile_keys[i], text, display_name, error))
      return NULL;

  if (!check_profile (self, &bad_key, &message))
    {
      set_key_error (error, JH_PAGE_PROFILE_ERROR_INCONSISTENT, text, display_name, bad_key,
                     "%s", message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * jh_page_profile_new_from_file:
 * @file: a profile file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a profile file as jh_page_profile_new_from_data() does.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
JhPageProfile *
jh_page_profile_new_from_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = jh_file_load_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  display_name = g_file_get_parse_name (file);
  data = g_bytes_get_data (bytes, &size);

  return jh_page_profile_new_from_data (data != NULL ? data : "", size, display_name, error);
}

/**
 * jh_page_profile_to_data:
 * @self: a #JhPageProfile
 * @length: (out) (optional): the length of the text
 *
 * Writes the profile as a profile file that
 * jh_page_profile_new_from_data() reads back.
 *
 * Returns: (transfer full): the text of the file
 */
char *
jh_page_profile_to_data (JhPageProfile *self,
                         gsize         *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (profile_keys); i++)
    {
      const ProfileKey *key = &profile_keys[i];
      GParamSpec *pspec = properties[key->prop_id];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);

      switch (key->kind)
        {
        case KEY_STRING:
        case KEY_FONT:
          g_key_file_set_string (key_file, key->group, key->key, g_value_get_string (&value));
          break;
        case KEY_MILLIMETRES:
        case KEY_POINTS:
        case KEY_CHARACTERS:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_ascii_formatd (buffer, sizeof buffer, "%.10g", g_value_get_double (&value));
            g_key_file_set_value (key_file, key->group, key->key, buffer);
          }
          break;
        case KEY_COUNT:
          g_key_file_set_uint64 (key_file, key->group, key->key, g_value_get_uint (&value));
          break;
        case KEY_ENUM:
          {
            g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);

            g_key_file_set_value (key_file, key->group, key->key,
                                  g_enum_get_value (enum_class, g_value_get_enum (&value))->value_nick);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_key_file_to_data (key_file, length, NULL);
}

/* Accessors. */

const char *
jh_page_profile_get_name (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), NULL);

  return self->name;
}

void
jh_page_profile_set_name (JhPageProfile *self,
                          const char    *name)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

double
jh_page_profile_get_page_width (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_width;
}

void
jh_page_profile_set_page_width (JhPageProfile *self,
                                double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->page_width, millimetres, PROP_PAGE_WIDTH);
}

double
jh_page_profile_get_page_height (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_height;
}

void
jh_page_profile_set_page_height (JhPageProfile *self,
                                 double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->page_height, millimetres, PROP_PAGE_HEIGHT);
}

double
jh_page_profile_get_margin_top (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->margin_top;
}

void
jh_page_profile_set_margin_top (JhPageProfile *self,
                                double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->margin_top, millimetres, PROP_MARGIN_TOP);
}

/**
 * jh_page_profile_get_margin_left:
 * @self: a #JhPageProfile
 *
 * The binding side's margin (订口).  GB/T 9704-2012 puts it at the left
 * of every page, so that the text blocks of the two sides of a sheet
 * lie on each other.
 *
 * Returns: the margin in millimetres
 */
double
jh_page_profile_get_margin_left (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->margin_left;
}

void
jh_page_profile_set_margin_left (JhPageProfile *self,
                                 double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->margin_left, millimetres, PROP_MARGIN_LEFT);
}

double
jh_page_profile_get_text_width (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->text_width;
}

void
jh_page_profile_set_text_width (JhPageProfile *self,
                                double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->text_width, millimetres, PROP_TEXT_WIDTH);
}

double
jh_page_profile_get_text_height (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->text_height;
}

void
jh_page_profile_set_text_height (JhPageProfile *self,
                                 double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->text_height, millimetres, PROP_TEXT_HEIGHT);
}

guint
jh_page_profile_get_lines_per_page (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->lines_per_page;
}

void
jh_page_profile_set_lines_per_page (JhPageProfile *self,
                                    guint          lines)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_uint (self, &self->lines_per_page, lines, PROP_LINES_PER_PAGE);
}

guint
jh_page_profile_get_chars_per_line (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->chars_per_line;
}

void
jh_page_profile_set_chars_per_line (JhPageProfile *self,
                                    guint          chars)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_uint (self, &self->chars_per_line, chars, PROP_CHARS_PER_LINE);
}

/**
 * jh_page_profile_get_font:
 * @self: a #JhPageProfile
 * @style: a kind of text
 *
 * The font families of @style, the preferred first, separated by
 * commas: "仿宋_GB2312,FangSong".  Styles the profile does not set
 * themselves take the font of the style the standard sets them like.
 *
 * Returns: (transfer none): the families
 */
const char *
jh_page_profile_get_font (JhPageProfile *self,
                          JhTextStyle    style)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), NULL);
  g_return_val_if_fail (style < JH_N_TEXT_STYLES, NULL);

  return self->fonts[font_source (style)];
}

/**
 * jh_page_profile_set_font:
 * @self: a #JhPageProfile
 * @style: the title, a heading level, the body or the page numbers
 * @families: font families separated by commas, the preferred first
 */
void
jh_page_profile_set_font (JhPageProfile *self,
                          JhTextStyle    style,
                          const char    *families)
{
  g_autofree char *normalized = NULL;
  guint prop_id;

  g_return_if_fail (JH_IS_PAGE_PROFILE (self));
  g_return_if_fail (families != NULL);

  prop_id = font_prop_id (style);
  g_return_if_fail (prop_id != PROP_0);

  normalized = normalize_families (families);
  g_return_if_fail (normalized != NULL);

  if (g_strcmp0 (self->fonts[style], normalized) == 0)
    return;

  g_free (self->fonts[style]);
  self->fonts[style] = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * jh_page_profile_get_size:
 * @self: a #JhPageProfile
 * @style: a kind of text
 *
 * Returns: the type size of @style in points: the title's for titles,
 *   the page numbers' for them, the body's for everything else (the
 *   standard sets headings at the body's size)
 */
double
jh_page_profile_get_size (JhPageProfile *self,
                          JhTextStyle    style)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  switch (style)
    {
    case JH_TEXT_STYLE_TITLE:
    case JH_TEXT_STYLE_ATTACHMENT_TITLE:
      return self->title_size;
    case JH_TEXT_STYLE_PAGE_NUMBER:
      return self->page_number_size;
    case JH_TEXT_STYLE_HEADING_1:
    case JH_TEXT_STYLE_HEADING_2:
    case JH_TEXT_STYLE_HEADING_3:
    case JH_TEXT_STYLE_HEADING_4:
    case JH_TEXT_STYLE_BODY:
    case JH_TEXT_STYLE_TABLE_HEADING:
    case JH_TEXT_STYLE_TABLE_TEXT:
    case JH_TEXT_STYLE_ATTACHMENT_NOTE:
    case JH_TEXT_STYLE_SIGNOFF:
    case JH_TEXT_STYLE_ATTACHMENT_LABEL:
    default:
      return self->body_size;
    }
}

double
jh_page_profile_get_body_size (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->body_size;
}

void
jh_page_profile_set_body_size (JhPageProfile *self,
                               double         points)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->body_size, points, PROP_BODY_SIZE);
}

double
jh_page_profile_get_title_size (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->title_size;
}

void
jh_page_profile_set_title_size (JhPageProfile *self,
                                double         points)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->title_size, points, PROP_TITLE_SIZE);
}

double
jh_page_profile_get_page_number_size (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_number_size;
}

void
jh_page_profile_set_page_number_size (JhPageProfile *self,
                                      double         points)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->page_number_size, points, PROP_PAGE_NUMBER_SIZE);
}

JhPageNumberStyle
jh_page_profile_get_page_number_style (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), JH_PAGE_NUMBER_STYLE_DASHES);

  return self->page_number_style;
}

void
jh_page_profile_set_page_number_style (JhPageProfile     *self,
                                       JhPageNumberStyle  style)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));
  g_return_if_fail (style <= JH_PAGE_NUMBER_STYLE_DASHES);

  if (self->page_number_style == style)
    return;

  self->page_number_style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_NUMBER_STYLE]);
}

JhPageNumberPosition
jh_page_profile_get_page_number_position (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), JH_PAGE_NUMBER_POSITION_OUTSIDE);

  return self->page_number_position;
}

void
jh_page_profile_set_page_number_position (JhPageProfile        *self,
                                          JhPageNumberPosition  position)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));
  g_return_if_fail (position <= JH_PAGE_NUMBER_POSITION_CENTER);

  if (self->page_number_position == position)
    return;

  self->page_number_position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_NUMBER_POSITION]);
}

/**
 * jh_page_profile_get_page_number_indent:
 * @self: a #JhPageProfile
 *
 * Returns: how far page numbers at the outside stand in from the edge
 *   of the text block, in characters of the page numbers' size
 */
double
jh_page_profile_get_page_number_indent (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_number_indent;
}

void
jh_page_profile_set_page_number_indent (JhPageProfile *self,
                                        double         characters)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->page_number_indent, characters, PROP_PAGE_NUMBER_INDENT);
}

/**
 * jh_page_profile_get_page_number_distance:
 * @self: a #JhPageProfile
 *
 * Returns: how far below the text block the line of the page numbers'
 *   dashes lies, in millimetres
 */
double
jh_page_profile_get_page_number_distance (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_number_distance;
}

void
jh_page_profile_set_page_number_distance (JhPageProfile *self,
                                          double         millimetres)
{
  g_return_if_fail (JH_IS_PAGE_PROFILE (self));

  set_double (self, &self->page_number_distance, millimetres, PROP_PAGE_NUMBER_DISTANCE);
}

double
jh_page_profile_get_margin_right (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_width - self->margin_left - self->text_width;
}

double
jh_page_profile_get_margin_bottom (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->page_height - self->margin_top - self->text_height;
}

/**
 * jh_page_profile_get_line_pitch:
 * @self: a #JhPageProfile
 *
 * The distance from one line of the grid to the next, so that the
 * lines a page has fill the text block: 225 mm / 22 = 28.99 pt.
 *
 * Returns: the pitch in points
 */
double
jh_page_profile_get_line_pitch (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return self->text_height * POINTS_PER_MM / self->lines_per_page;
}

/**
 * jh_page_profile_get_char_pitch:
 * @self: a #JhPageProfile
 *
 * The advance of a full-width character, so that the characters a line
 * has fill the text block exactly, from the left edge of the first to
 * the right edge of the last: (156 mm − 16 pt) / 27 = 15.79 pt.
 *
 * Returns: the pitch in points
 */
double
jh_page_profile_get_char_pitch (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return (self->text_width * POINTS_PER_MM - self->body_size) / (self->chars_per_line - 1);
}

/**
 * jh_page_profile_get_letter_spacing:
 * @self: a #JhPageProfile
 *
 * Returns: the space added between full-width characters of the body
 *   to keep them on the grid, in points; negative when they are set
 *   closer than their size, as GB/T 9704-2012's are
 */
double
jh_page_profile_get_letter_spacing (JhPageProfile *self)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), 0);

  return jh_page_profile_get_char_pitch (self) - self->body_size;
}

/**
 * jh_page_profile_format_page_number:
 * @self: a #JhPageProfile
 * @page: a page number, from 1
 *
 * Returns: (transfer full) (nullable): the page number as printed,
 *   "— 1 —", or %NULL if the profile prints none
 */
char *
jh_page_profile_format_page_number (JhPageProfile *self,
                                    guint          page)
{
  g_return_val_if_fail (JH_IS_PAGE_PROFILE (self), NULL);

  switch (self->page_number_style)
    {
    case JH_PAGE_NUMBER_STYLE_NONE:
      return NULL;
    case JH_PAGE_NUMBER_STYLE_PLAIN:
      return g_strdup_printf ("%u", page);
    case JH_PAGE_NUMBER_STYLE_DASHES:
      /* Half-width spaces between the dashes and the number, as the
       * standard's "— 1 —" shows.
       */
      return g_strdup_printf ("— %u —", page);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * jh_text_style_get_name:
 * @style: a kind of text
 *
 * The name of the paragraph style of @style in an ODT, which is what
 * users see in Writer and WPS.  It is document text, Chinese whatever
 * the language of the user interface.
 *
 * Returns: the name
 */
const char *
jh_text_style_get_name (JhTextStyle style)
{
  static const char * const names[JH_N_TEXT_STYLES] = {
    [JH_TEXT_STYLE_TITLE] = "标题",
    [JH_TEXT_STYLE_HEADING_1] = "一级标题",
    [JH_TEXT_STYLE_HEADING_2] = "二级标题",
    [JH_TEXT_STYLE_HEADING_3] = "三级标题",
    [JH_TEXT_STYLE_HEADING_4] = "四级标题",
    [JH_TEXT_STYLE_BODY] = "正文",
    [JH_TEXT_STYLE_TABLE_HEADING] = "表头",
    [JH_TEXT_STYLE_TABLE_TEXT] = "表格文字",
    [JH_TEXT_STYLE_ATTACHMENT_NOTE] = "附件说明",
    [JH_TEXT_STYLE_SIGNOFF] = "落款",
    [JH_TEXT_STYLE_ATTACHMENT_LABEL] = "附件标识",
    [JH_TEXT_STYLE_ATTACHMENT_TITLE] = "附件标题",
    [JH_TEXT_STYLE_PAGE_NUMBER] = "页码",
  };

  g_return_val_if_fail (style < JH_N_TEXT_STYLES, NULL);

  return names[style];
}
