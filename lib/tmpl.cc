// The only C++ in the tree: a thin extern "C" layer over CTemplate.
// Dictionaries made by sections and includes belong to their parent and
// die with it; only the root needs tmpl_dict_free.
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include <ctemplate/template.h>

#include "tmpl.h"

using ctemplate::TemplateDictionary;

static TemplateDictionary *
td(struct tdict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

extern "C" int
tmpl_init(const char *root)
{
	return ctemplate::mutable_default_template_cache()->
	    SetTemplateRootDirectory(root) ? 0 : -1;
}

extern "C" struct tdict *
tmpl_dict_new(const char *name)
{
	TemplateDictionary *d = new (std::nothrow) TemplateDictionary(name);

	return reinterpret_cast<struct tdict *>(d);
}

extern "C" void
tmpl_dict_free(struct tdict *d)
{
	delete td(d);
}

extern "C" void
tmpl_set(struct tdict *d, const char *key, const char *val)
{
	td(d)->SetValue(key, val != NULL ? val : "");
}

extern "C" void
tmpl_set_int(struct tdict *d, const char *key, long long v)
{
	td(d)->SetValue(key, std::to_string(v));
}

extern "C" void
tmpl_show(struct tdict *d, const char *section)
{
	td(d)->ShowSection(section);
}

extern "C" struct tdict *
tmpl_section(struct tdict *d, const char *section)
{
	return reinterpret_cast<struct tdict *>(
	    td(d)->AddSectionDictionary(section));
}

extern "C" struct tdict *
tmpl_include(struct tdict *d, const char *name, const char *file)
{
	TemplateDictionary *sub = td(d)->AddIncludeDictionary(name);

	sub->SetFilename(file);
	return reinterpret_cast<struct tdict *>(sub);
}

extern "C" char *
tmpl_expand(const char *file, struct tdict *d, size_t *len)
{
	std::string out;
	char *p;

	try {
		if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES,
		    td(d), &out))
			return NULL;
		if ((p = static_cast<char *>(std::malloc(out.size() + 1))) == NULL)
			return NULL;
	} catch (...) {
		return NULL;
	}
	std::memcpy(p, out.data(), out.size());
	p[out.size()] = '\0';
	*len = out.size();
	return p;
}
