/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jh-clause.h"
#include "jh-enum-types.h"
#include "jh-library-private.h"
#include "jh-paragraph.h"
#include "jh-section.h"
#include "jh-task.h"

/**
 * JhClause:
 *
 * A reusable piece of plan text from a library: a stable id and a
 * version, the kinds of section it belongs in, its wording (with
 * variables such as {单位} filled from the plan when it is used), and
 * where the wording comes from.  The id, version and text never change:
 * a new wording is a new version, in a new library file.
 */

/* The number of kinds of section, and the end of an interned list of
 * them (see intern_kinds()).
 */
#define N_SECTION_KINDS (JH_SECTION_KIND_OTHER + 1)
#define END_OF_KINDS    ((JhSectionKind) N_SECTION_KINDS)

/* What few clauses have: most are read from libraries that give none of
 * it, and 100,000 clauses with room for it all would take megabytes.
 */
typedef struct
{
  char      *superseded_by;
  char      *source_document;
  char      *source_organization;
  guint      source_year;
  GPtrArray *sources;   /* JhClauseSource: every document the wording was found in */
  char      *notes;
} ClauseDetails;

struct _JhClause
{
  GObject              parent_instance;

  char                *id;
  char                *title;
  char                *text;
  const char * const  *tags;      /* interned: see intern_tags() */
  ClauseDetails       *details;   /* NULL until one of them is set */
  JhLibrary           *library;   /* unowned: cleared by the library when it lets go */
  guint                version;
  JhClauseStatus       status;
  guint                year;
  guint8               n_kinds;
  const JhSectionKind *kinds;     /* interned: see intern_kinds(); NULL when none */
};

G_DEFINE_FINAL_TYPE (JhClause, jh_clause, G_TYPE_OBJECT)

static const char * const no_tags[] = { NULL };

/* Tag vectors and lists of kinds, each distinct one once, for the life
 * of the process.  Nearly all the clauses of a library share a few sets
 * of tags and have one or two of the ten kinds, and a copy each of
 * 100,000 clauses would take megabytes.  Libraries are read in worker
 * threads, hence the lock.  Nothing here is freed: the sets of tags
 * people use are few, and a clause may hold its tags after everything
 * else is gone.
 */
static GMutex      interned_lock;
static GHashTable *tag_sets;
static GHashTable *kind_lists;

static guint
tags_hash (gconstpointer key)
{
  const char * const *tags = key;
  guint hash = 5381;

  for (guint i = 0; tags[i] != NULL; i++)
    hash = hash * 33 + g_str_hash (tags[i]);

  return hash;
}

static gboolean
tags_equal (gconstpointer a,
            gconstpointer b)
{
  return g_strv_equal (a, b);
}

static const char * const *
intern_tags (const char * const *tags)
{
  const char * const *interned;

  if (tags[0] == NULL)
    return no_tags;

  g_mutex_lock (&interned_lock);

  if (tag_sets == NULL)
    tag_sets = g_hash_table_new (tags_hash, tags_equal);

  interned = g_hash_table_lookup (tag_sets, tags);
  if (interned == NULL)
    {
      interned = (const char * const *) g_strdupv ((char **) tags);
      g_hash_table_add (tag_sets, (gpointer) interned);
    }

  g_mutex_unlock (&interned_lock);

  return interned;
}

static guint
kinds_hash (gconstpointer key)
{
  const JhSectionKind *kinds = key;
  guint hash = 0;

  for (guint i = 0; kinds[i] != END_OF_KINDS; i++)
    hash = hash * N_SECTION_KINDS + kinds[i] + 1;

  return hash;
}

static gboolean
kinds_equal (gconstpointer a,
             gconstpointer b)
{
  const JhSectionKind *kinds_a = a;
  const JhSectionKind *kinds_b = b;

  for (guint i = 0; kinds_a[i] == kinds_b[i]; i++)
    if (kinds_a[i] == END_OF_KINDS)
      return TRUE;

  return FALSE;
}

/* @kinds ends with END_OF_KINDS. */
static const JhSectionKind *
intern_kinds (const JhSectionKind *kinds,
              guint                n_kinds)
{
  const JhSectionKind *interned;

  g_assert (kinds[n_kinds] == END_OF_KINDS);

  g_mutex_lock (&interned_lock);

  if (kind_lists == NULL)
    kind_lists = g_hash_table_new (kinds_hash, kinds_equal);

  interned = g_hash_table_lookup (kind_lists, kinds);
  if (interned == NULL)
    {
      interned = g_memdup2 (kinds, (n_kinds + 1) * sizeof (JhSectionKind));
      g_hash_table_add (kind_lists, (gpointer) interned);
    }

  g_mutex_unlock (&interned_lock);

  return interned;
}

static void
clause_details_free (ClauseDetails *details)
{
  g_free (details->superseded_by);
  g_free (details->source_document);
  g_free (details->source_organization);
  g_clear_pointer (&details->sources, g_ptr_array_unref);
  g_free (details->notes);
  g_free (details);
}

static ClauseDetails *
ensure_details (JhClause *self)
{
  if (self->details == NULL)
    self->details = g_new0 (ClauseDetails, 1);

  return self->details;
}

/* g_set_str() is GLib 2.76; this is the same for 2.74. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_TEXT,
  PROP_STATUS,
  PROP_YEAR,
  PROP_SUPERSEDED_BY,
  PROP_TAGS,
  PROP_SOURCE_DOCUMENT,
  PROP_SOURCE_ORGANIZATION,
  PROP_SOURCE_YEAR,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_clause_dispose (GObject *object)
{
  JhClause *self = (JhClause *) object;

  self->library = NULL;

  G_OBJECT_CLASS (jh_clause_parent_class)->dispose (object);
}

static void
jh_clause_finalize (GObject *object)
{
  JhClause *self = (JhClause *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->details, clause_details_free);

  G_OBJECT_CLASS (jh_clause_parent_class)->finalize (object);
}

static void
jh_clause_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JhClause *self = JH_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_SUPERSEDED_BY:
      g_value_set_string (value, jh_clause_get_superseded_by (self));
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, (gpointer) self->tags);
      break;

    case PROP_SOURCE_DOCUMENT:
      g_value_set_string (value, jh_clause_get_source_document (self));
      break;

    case PROP_SOURCE_ORGANIZATION:
      g_value_set_string (value, jh_clause_get_source_organization (self));
      break;

    case PROP_SOURCE_YEAR:
      g_value_set_uint (value, jh_clause_get_source_year (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, jh_clause_get_notes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_clause_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JhClause *self = JH_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_VERSION:
      self->version = g_value_get_uint (value);
      break;

    case PROP_TITLE:
      self->title = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
      break;

    case PROP_TEXT:
      self->text = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
      break;

    case PROP_STATUS:
      jh_clause_set_status (self, g_value_get_enum (value));
      break;

    case PROP_YEAR:
      jh_clause_set_year (self, g_value_get_uint (value));
      break;

    case PROP_SUPERSEDED_BY:
      jh_clause_set_superseded_by (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      jh_clause_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      jh_clause_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_clause_class_init (JhClauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readwrite = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jh_clause_dispose;
  object_class->finalize = jh_clause_finalize;
  object_class->get_property = jh_clause_get_property;
  object_class->set_property = jh_clause_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 1, G_MAXUINT, 1, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", construct);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", construct);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               JH_TYPE_CLAUSE_STATUS, JH_CLAUSE_STATUS_CURRENT,
                                               readwrite);
  properties[PROP_YEAR] = g_param_spec_uint ("year", NULL, NULL, 0, G_MAXUINT, 0, readwrite);
  properties[PROP_SUPERSEDED_BY] = g_param_spec_string ("superseded-by", NULL, NULL, NULL, readwrite);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, readwrite);
  properties[PROP_SOURCE_DOCUMENT] = g_param_spec_string ("source-document", NULL, NULL, NULL, readable);
  properties[PROP_SOURCE_ORGANIZATION] = g_param_spec_string ("source-organization", NULL, NULL, NULL, readable);
  properties[PROP_SOURCE_YEAR] = g_param_spec_uint ("source-year", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, readwrite);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_clause_init (JhClause *self)
{
  self->version = 1;
  self->tags = no_tags;
}

/**
 * jh_clause_new:
 * @id: the clause's stable id
 * @version: its version, from 1
 * @title: a short name for lists
 * @text: the wording, with variables in braces
 *
 * Returns: (transfer full): a new current clause
 */
JhClause *
jh_clause_new (const char *id,
               guint       version,
               const char *title,
               const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (version > 0, NULL);

  return g_object_new (JH_TYPE_CLAUSE,
                       "id", id,
                       "version", version,
                       "title", title,
                       "text", text,
                       NULL);
}

const char *
jh_clause_get_id (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->id;
}

guint
jh_clause_get_version (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), 0);

  return self->version;
}

const char *
jh_clause_get_title (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->title;
}

const char *
jh_clause_get_text (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->text;
}

JhClauseStatus
jh_clause_get_status (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), JH_CLAUSE_STATUS_CURRENT);

  return self->status;
}

void
jh_clause_set_status (JhClause       *self,
                      JhClauseStatus  status)
{
  g_return_if_fail (JH_IS_CLAUSE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * jh_clause_get_year:
 * @self: a #JhClause
 *
 * Returns: the year the wording dates from, or 0
 */
guint
jh_clause_get_year (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), 0);

  return self->year;
}

void
jh_clause_set_year (JhClause *self,
                    guint     year)
{
  g_return_if_fail (JH_IS_CLAUSE (self));

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * jh_clause_get_superseded_by:
 * @self: a #JhClause
 *
 * Returns: (nullable): the id of the clause that replaces this one
 */
const char *
jh_clause_get_superseded_by (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->details ? self->details->superseded_by : NULL;
}

void
jh_clause_set_superseded_by (JhClause   *self,
                             const char *clause_id)
{
  g_return_if_fail (JH_IS_CLAUSE (self));

  if (clause_id != NULL && *clause_id == '\0')
    clause_id = NULL;

  /* Libraries set it, to nothing, on every clause they read. */
  if (self->details == NULL && clause_id == NULL)
    return;

  if (set_str (&ensure_details (self)->superseded_by, clause_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPERSEDED_BY]);
}

gboolean
jh_clause_has_kind (JhClause      *self,
                    JhSectionKind  kind)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), FALSE);

  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i] == kind)
      return TRUE;

  return FALSE;
}

/**
 * jh_clause_get_kinds:
 * @self: a #JhClause
 * @n_kinds: (out): the number of kinds
 *
 * Returns: (array length=n_kinds) (transfer none): the kinds of section
 *   the clause belongs in
 */
const JhSectionKind *
jh_clause_get_kinds (JhClause *self,
                     guint    *n_kinds)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (n_kinds != NULL, NULL);

  *n_kinds = self->n_kinds;

  return self->kinds;
}

void
jh_clause_add_kind (JhClause      *self,
                    JhSectionKind  kind)
{
  JhSectionKind kinds[N_SECTION_KINDS + 1];

  g_return_if_fail (JH_IS_CLAUSE (self));
  g_return_if_fail ((guint) kind < N_SECTION_KINDS);

  if (jh_clause_has_kind (self, kind))
    return;

  if (self->n_kinds > 0)
    memcpy (kinds, self->kinds, self->n_kinds * sizeof (JhSectionKind));
  kinds[self->n_kinds] = kind;
  kinds[self->n_kinds + 1] = END_OF_KINDS;
  self->kinds = intern_kinds (kinds, self->n_kinds + 1);
  self->n_kinds++;
}

/**
 * jh_clause_get_tags:
 * @self: a #JhClause
 *
 * Returns: (transfer none): the clause's tags, never %NULL
 */
const char * const *
jh_clause_get_tags (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->tags;
}

void
jh_clause_set_tags (JhClause           *self,
                    const char * const *tags)
{
  g_return_if_fail (JH_IS_CLAUSE (self));

  if (tags == NULL)
    tags = no_tags;

  if (g_strv_equal (self->tags, tags))
    return;

  self->tags = intern_tags (tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * jh_clause_get_source_document:
 * @self: a #JhClause
 *
 * Returns: (nullable): the document the wording comes from
 */
const char *
jh_clause_get_source_document (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->details ? self->details->source_document : NULL;
}

/**
 * jh_clause_get_source_organization:
 * @self: a #JhClause
 *
 * Returns: (nullable): who issued that document
 */
const char *
jh_clause_get_source_organization (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->details ? self->details->source_organization : NULL;
}

guint
jh_clause_get_source_year (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), 0);

  return self->details ? self->details->source_year : 0;
}

void
jh_clause_set_source (JhClause   *self,
                      const char *document,
                      const char *organization,
                      guint       year)
{
  ClauseDetails *details;

  g_return_if_fail (JH_IS_CLAUSE (self));

  if (self->details == NULL && document == NULL && organization == NULL && year == 0)
    return;

  details = ensure_details (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (set_str (&details->source_document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_DOCUMENT]);
  if (set_str (&details->source_organization, organization))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ORGANIZATION]);
  if (details->source_year != year)
    {
      details->source_year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_YEAR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * jh_clause_get_sources:
 * @self: a #JhClause
 *
 * Every document the wording was found in, as harvested from prior
 * documents or read from a library file's `<source>` elements.  The
 * first is also the clause's source (jh_clause_get_source_document()).
 *
 * Returns: (transfer none) (element-type JhClauseSource): the sources,
 *   oldest first as found
 */
GPtrArray *
jh_clause_get_sources (JhClause *self)
{
  ClauseDetails *details;

  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  details = ensure_details (self);
  if (details->sources == NULL)
    details->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_clause_source_free);

  return details->sources;
}

/* jh_clause_get_sources(), or %NULL when there are none: for saving a
 * library, which would otherwise make an empty array, and the details
 * to hold it, for every clause.
 */
GPtrArray *
_jh_clause_peek_sources (JhClause *self)
{
  if (self->details == NULL || self->details->sources == NULL || self->details->sources->len == 0)
    return NULL;

  return self->details->sources;
}

/**
 * jh_clause_add_source:
 * @self: a #JhClause
 * @source: a document the wording was found in
 *
 * Records one more source; the first one recorded also becomes the
 * clause's source.
 */
void
jh_clause_add_source (JhClause             *self,
                      const JhClauseSource *source)
{
  GPtrArray *sources;

  g_return_if_fail (JH_IS_CLAUSE (self));
  g_return_if_fail (source != NULL);

  sources = jh_clause_get_sources (self);
  g_ptr_array_add (sources, jh_clause_source_copy (source));
  if (sources->len == 1)
    jh_clause_set_source (self, source->document, source->organization, source->year);
}

/**
 * jh_clause_get_notes:
 * @self: a #JhClause
 *
 * Returns: (nullable): notes for whoever uses the clause
 */
const char *
jh_clause_get_notes (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->details ? self->details->notes : NULL;
}

void
jh_clause_set_notes (JhClause   *self,
                     const char *notes)
{
  g_return_if_fail (JH_IS_CLAUSE (self));

  if (self->details == NULL && notes == NULL)
    return;

  if (set_str (&ensure_details (self)->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * jh_clause_get_library:
 * @self: a #JhClause
 *
 * Returns: (transfer none) (nullable): the library the clause was read
 *   from, while it exists
 */
JhLibrary *
jh_clause_get_library (JhClause *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return self->library;
}

void
_jh_clause_set_library (JhClause  *self,
                        JhLibrary *library)
{
  /* Not a weak pointer: a library of 100,000 clauses would keep 100,000
   * of them, which GObject searches one by one.  The library clears it
   * when it lets the clause go.
   */
  self->library = library;
}

/**
 * jh_text_expand_variables:
 * @text: a text with variables in braces
 * @plan: (nullable): the plan the text goes into
 *
 * Fills in the variables the plan knows: {单位} (its organization, when
 * it has one), {年份} (its year), {上年} and {下年}.  Others, such as
 * {上级组织}, are left for the user, and the checks point them out as
 * unfilled.
 *
 * Returns: (transfer full): the text with the known variables filled
 */
char *
jh_text_expand_variables (const char *text,
                          JhPlan     *plan)
{
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (plan == NULL || JH_IS_PLAN (plan), NULL);

  result = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;
      g_autofree char *name = NULL;
      const char *organization;
      guint year;

      if (end == NULL || plan == NULL)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (result, p, next - p);
          p = next;
          continue;
        }

      name = g_strndup (p + 1, end - p - 1);
      organization = jh_plan_get_organization (plan);
      year = jh_plan_get_year (plan);

      if (g_str_equal (name, "单位") && organization != NULL && *organization != '\0')
        g_string_append (result, organization);
      else if (g_str_equal (name, "年份") && year > 0)
        g_string_append_printf (result, "%u", year);
      else if (g_str_equal (name, "上年") && year > 0)
        g_string_append_printf (result, "%u", year - 1);
      else if (g_str_equal (name, "下年") && year > 0)
        g_string_append_printf (result, "%u", year + 1);
      else
        g_string_append_len (result, p, end + 1 - p);

      p = end + 1;
    }

  return g_string_free (result, FALSE);
}

/**
 * jh_clause_expand:
 * @self: a #JhClause
 * @plan: (nullable): the plan the clause goes into
 *
 * Returns: (transfer full): the clause's text for @plan; see
 *   jh_text_expand_variables()
 */
char *
jh_clause_expand (JhClause *self,
                  JhPlan   *plan)
{
  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  return jh_text_expand_variables (self->text, plan);
}

const char *
jh_clause_status_to_nick (JhClauseStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (JH_TYPE_CLAUSE_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
jh_clause_status_from_nick (const char     *nick,
                            JhClauseStatus *status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (JH_TYPE_CLAUSE_STATUS);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (value == NULL)
    return FALSE;

  *status = value->value;

  return TRUE;
}

/* Replaces @number where it stands alone (no digit either side) by
 * @variable.
 */
static void
replace_number (GString    *text,
                guint       number,
                const char *variable)
{
  char digits[16];
  gsize length;
  gsize position = 0;

  length = g_snprintf (digits, sizeof digits, "%u", number);

  while (position < text->len)
    {
      const char *found = strstr (text->str + position, digits);
      gsize start, end;

      if (found == NULL)
        break;

      start = found - text->str;
      end = start + length;
      if ((start > 0 && g_ascii_isdigit (text->str[start - 1])) ||
          (end < text->len && g_ascii_isdigit (text->str[end])))
        {
          position = end;
          continue;
        }

      g_string_erase (text, start, length);
      g_string_insert (text, start, variable);
      position = start + strlen (variable);
    }
}

/**
 * jh_text_make_variables:
 * @text: a text of a plan
 * @plan: (nullable): the plan
 *
 * The reverse of jh_text_expand_variables(): the plan's organization
 * becomes {单位} and its year {年份} (the years before and after, {上年}
 * and {下年}), so that a text saved as a clause fits the next plan and
 * other offices'.
 *
 * Returns: (transfer full): the text with variables
 */
char *
jh_text_make_variables (const char *text,
                        JhPlan     *plan)
{
  GString *result;
  const char *organization;
  guint year;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (plan == NULL || JH_IS_PLAN (plan), NULL);

  result = g_string_new (text);
  if (plan == NULL)
    return g_string_free (result, FALSE);

  organization = jh_plan_get_organization (plan);
  if (organization != NULL && *organization != '\0')
    g_string_replace (result, organization, "{单位}", 0);

  year = jh_plan_get_year (plan);
  if (year > 0)
    {
      replace_number (result, year, "{年份}");
      replace_number (result, year - 1, "{上年}");
      replace_number (result, year + 1, "{下年}");
    }

  return g_string_free (result, FALSE);
}

/* A title for lists: the text up to its first mark of punctuation, cut
 * short.
 */
static char *
make_title (const char *text)
{
  static const char *const stops = "，。；：！？,.;:!?（(、";
  GString *title = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = text; *p != '\0' && n_chars < 24; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buffer[8];

      buffer[g_unichar_to_utf8 (c, buffer)] = '\0';
      if (n_chars > 0 && strstr (stops, buffer) != NULL)
        break;
      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      g_string_append_unichar (title, c);
      n_chars++;
    }

  g_strstrip (title->str);
  title->len = strlen (title->str);
  if (title->len == 0)
    g_string_append (title, "条款");

  return g_string_free (title, FALSE);
}

/**
 * jh_clause_new_user:
 * @text: the text of a paragraph or task, as in the plan
 * @plan: (nullable): the plan it comes from
 * @kind: the kind of section it belongs in
 * @tags: (nullable) (array zero-terminated=1): tags to find it by
 *
 * A clause for the user's own library, made from text of a plan: a new
 * id, version 1, a title from the first words, the plan's organization
 * and year replaced by the variables {单位} and {年份} (see
 * jh_text_make_variables()), and the plan's organization and year as
 * its source.
 *
 * Returns: (transfer full): a new current clause, of no library yet
 */
JhClause *
jh_clause_new_user (const char         *text,
                    JhPlan             *plan,
                    JhSectionKind       kind,
                    const char * const *tags)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  JhClause *clause;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (plan == NULL || JH_IS_PLAN (plan), NULL);

  id = g_strconcat ("user.", uuid, NULL);
  body = jh_text_make_variables (text, plan);
  g_strstrip (body);
  title = make_title (body);

  clause = jh_clause_new (id, 1, title, body);
  jh_clause_add_kind (clause, kind);
  jh_clause_set_tags (clause, tags ? tags : no_tags);
  if (plan != NULL)
    {
      const char *organization = jh_plan_get_organization (plan);

      jh_clause_set_year (clause, jh_plan_get_year (plan));
      jh_clause_set_source (clause, NULL,
                            organization && *organization ? organization : NULL,
                            jh_plan_get_year (plan));
    }

  return clause;
}

static JhSectionKind
get_node_section_kind (JhNode *node)
{
  for (; node != NULL; node = jh_node_get_parent (node))
    if (JH_IS_SECTION (node))
      return jh_section_get_kind (JH_SECTION (node));

  return JH_SECTION_KIND_OTHER;
}

static JhPlan *
get_node_plan (JhNode *node)
{
  JhNode *root = jh_node_get_root (node);

  return JH_IS_PLAN (root) ? JH_PLAN (root) : NULL;
}

/**
 * jh_clause_new_from_paragraph:
 * @paragraph: a paragraph of a plan
 * @tags: (nullable) (array zero-terminated=1): tags
 *
 * jh_clause_new_user() for a paragraph, in the kind of its section.
 *
 * Returns: (transfer full): a new clause
 */
JhClause *
jh_clause_new_from_paragraph (JhParagraph        *paragraph,
                              const char * const *tags)
{
  g_return_val_if_fail (JH_IS_PARAGRAPH (paragraph), NULL);

  return jh_clause_new_user (jh_paragraph_get_text (paragraph),
                             get_node_plan (JH_NODE (paragraph)),
                             get_node_section_kind (JH_NODE (paragraph)),
                             tags);
}

/**
 * jh_clause_new_from_task:
 * @task: a task of a plan
 * @tags: (nullable) (array zero-terminated=1): tags
 *
 * jh_clause_new_user() for a task: its lead sentence and its paragraphs,
 * one text (sub-tasks are not included).
 *
 * Returns: (transfer full): a new clause
 */
JhClause *
jh_clause_new_from_task (JhTask             *task,
                         const char * const *tags)
{
  g_autoptr(GString) text = g_string_new (jh_task_get_lead (task));
  GListModel *paragraphs;

  g_return_val_if_fail (JH_IS_TASK (task), NULL);

  paragraphs = jh_task_get_paragraphs (task);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_string_append (text, jh_paragraph_get_text (paragraph));
    }

  return jh_clause_new_user (text->str,
                             get_node_plan (JH_NODE (task)),
                             get_node_section_kind (JH_NODE (task)),
                             tags);
}

/**
 * jh_clause_new_revision:
 * @self: a clause
 * @title: (nullable): the new title, or %NULL to keep it
 * @text: (nullable): the new text, or %NULL to keep it
 *
 * An edited clause: the same id, the next version, everything else
 * copied; give it to jh_library_replace_clause().  Clauses themselves
 * never change, since indexes and findings hold them.
 *
 * Returns: (transfer full): a new clause, of no library yet
 */
JhClause *
jh_clause_new_revision (JhClause   *self,
                        const char *title,
                        const char *text)
{
  JhClause *clause;
  GPtrArray *sources;

  g_return_val_if_fail (JH_IS_CLAUSE (self), NULL);

  clause = jh_clause_new (self->id, self->version + 1,
                          title ? title : self->title,
                          text ? text : self->text);
  clause->status = self->status;
  clause->year = self->year;
  jh_clause_set_superseded_by (clause, jh_clause_get_superseded_by (self));
  clause->kinds = self->kinds;
  clause->n_kinds = self->n_kinds;
  jh_clause_set_tags (clause, self->tags);
  jh_clause_set_source (clause,
                        jh_clause_get_source_document (self),
                        jh_clause_get_source_organization (self),
                        jh_clause_get_source_year (self));
  sources = _jh_clause_peek_sources (self);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    jh_clause_add_source (clause, g_ptr_array_index (sources, i));
  jh_clause_set_notes (clause, jh_clause_get_notes (self));

  return clause;
}

/**
 * jh_tags_parse:
 * @text: tags as people type them
 *
 * Splits tags typed in one line: separated by commas (half or full
 * width), 、, semicolons or spaces.  Empty ones and repeats are dropped.
 *
 * Returns: (transfer full): the tags, in the order typed
 */
GStrv
jh_tags_parse (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,，、;；\\s]+", text ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && g_hash_table_add (seen, parts[i]))
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/**
 * jh_tags_to_string:
 * @tags: (nullable): tags
 *
 * Returns: (transfer full): @tags in one line, as jh_tags_parse() reads
 *   them back
 */
char *
jh_tags_to_string (const char * const *tags)
{
  return tags != NULL ? g_strjoinv ("、", (char **) tags) : g_strdup ("");
}
