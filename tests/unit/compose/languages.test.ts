import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

async function freshLanguages() {
  vi.resetModules();
  return import('@/utils/compose/languages');
}

describe('the language picker’s options', () => {
  it('are named, sorted by name and include the current choice', async () => {
    const { languageOptions } = await freshLanguages();
    const options = languageOptions('eo');
    expect(options.find((option) => option.code === 'eo')?.name).toBe('Esperanto');
    const names = options.map((option) => option.name);
    expect(names).toEqual([...names].sort(new Intl.Collator().compare));
  });

  it('are named in the language Crosswind speaks, not only the browser’s', async () => {
    const { languageOptions } = await freshLanguages();
    const german = languageOptions('en', 'de');
    expect(german.find((option) => option.code === 'de')?.name).toBe('Deutsch');
    expect(german.find((option) => option.code === 'fr')?.name).toBe('Französisch');
    const names = german.map((option) => option.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('de').compare));
  });

  it('are named by one Intl.DisplayNames per display language, however often they are asked for', async () => {
    const { languageOptions, languageName } = await freshLanguages();
    let made = 0;
    const Real = Intl.DisplayNames;
    vi.spyOn(Intl, 'DisplayNames', 'get').mockReturnValue(
      class extends Real {
        constructor(...args: ConstructorParameters<typeof Real>) {
          super(...args);
          made += 1;
        }
      },
    );
    languageOptions('en');
    languageOptions('fr');
    expect(made).toBe(1);
    expect(languageName('de', 'fr')).toBe('allemand');
    expect(languageName('es', 'fr')).toBe('espagnol');
    expect(made).toBe(2);
  });
});
