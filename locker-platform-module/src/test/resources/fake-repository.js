/*
 * A stand-in for the repository's JavaScript API, as much as the Admin Console page's scripts use of it:
 * search.selectNodes with an XPath of association names, and nodes (ScriptNode) with childByNamePath (by
 * cm:name), createFolder, properties, aspects and save. Association names and cm:name are kept apart, as in the
 * repository: a folder created over REST gets the association name cm:<name as written>.
 */
function FakeNode(name, assocName)
{
   this.name = name;
   this.assocName = assocName;
   this.children = [];
   this.aspects = [];
   this.properties = { "cm:name": name };
   this.saved = 0;
}
FakeNode.prototype.add = function (name, assocName)
{
   var child = new FakeNode(name, assocName);
   this.children.push(child);
   return child;
};
FakeNode.prototype.childByNamePath = function (path)
{
   var node = this, names = String(path).split("/");
   for (var i = 0; i < names.length && node !== null; i++)
   {
      var found = null;
      for (var c = 0; c < node.children.length; c++)
      {
         if (node.children[c].name === names[i]) found = node.children[c];
      }
      node = found;
   }
   return node;
};
FakeNode.prototype.createFolder = function (name)
{
   // the JavaScript API names the association after the folder, as REST does
   return this.add(name, "cm:" + name);
};
FakeNode.prototype.hasAspect = function (aspect) { return this.aspects.indexOf(aspect) >= 0; };
FakeNode.prototype.addAspect = function (aspect) { if (!this.hasAspect(aspect)) this.aspects.push(aspect); };
FakeNode.prototype.save = function () { this.saved++; };

var repository = new FakeNode("", "");
var companyHome = repository.add("Company Home", "app:company_home");
var dataDictionary = companyHome.add("Data Dictionary", "app:dictionary");

var search = {
   queries: [],
   selectNodes: function (xpath)
   {
      this.queries.push(String(xpath));
      var steps = String(xpath).split("/"), nodes = [repository];
      for (var i = 1; i < steps.length; i++)
      {
         var next = [];
         for (var n = 0; n < nodes.length; n++)
         {
            for (var c = 0; c < nodes[n].children.length; c++)
            {
               if (nodes[n].children[c].assocName === steps[i]) next.push(nodes[n].children[c]);
            }
         }
         nodes = next;
      }
      return nodes;
   }
};

/* What the web script runtime gives a script */
var model = {};
var status = {};
var url = { serviceContext: "/alfresco/s" };
var formdata = { fields: [] };
var Admin = {
   getConsoleTools: function (id) { return [id]; },
   getServerMetaData: function () { return {}; }
};

function form(fields)
{
   formdata.fields = [];
   for (var name in fields)
   {
      formdata.fields.push({ name: name, value: fields[name] });
   }
}
