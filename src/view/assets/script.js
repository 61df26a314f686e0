(function(){
var doc=document,card=doc.getElementById('card'),on=null;
doc.documentElement.classList.add('js');
if(!card)return;
var body=card.querySelector('.card-body'),link=card.querySelector('.card-link');
function hide(){card.hidden=true;if(on){on.classList.remove('on');on=null;}}
function show(m){
hide();on=m;m.classList.add('on');
body.textContent=m.getAttribute('title')||'';
var row=doc.getElementById('metric-'+m.getAttribute('data-key'));
link.hidden=!row;link.setAttribute('href',row?'#'+row.id:'#metrics');
card.hidden=false;
var r=m.getBoundingClientRect(),w=card.offsetWidth,vw=doc.documentElement.clientWidth;
card.style.top=(window.scrollY+r.bottom+6)+'px';
card.style.left=(window.scrollX+Math.max(8,Math.min(r.left,vw-w-8)))+'px';
}
doc.addEventListener('click',function(e){
var m=e.target.closest&&e.target.closest('mark.fig');
if(m){e.preventDefault();if(m===on){hide();}else{show(m);}return;}
if(!card.contains(e.target))hide();
if(e.target===link)hide();
});
doc.addEventListener('keydown',function(e){
if(e.key==='Escape')hide();
if(e.key==='Enter'&&e.target.closest&&e.target.closest('mark.fig')){e.preventDefault();show(e.target.closest('mark.fig'));}
});
})();
(function(){
// The index: a filter box and sortable headings; `?q=TEXT&sort=KEY` (or
// `sort=-KEY`, descending) in the address does the same on load, so a
// filtered, sorted view can be linked.
var doc=document,input=doc.getElementById('filter');
if(!input)return;
var table=doc.getElementById(input.getAttribute('data-table'));
if(!table)return;
var body=table.tBodies[0];
function filter(){
var q=input.value.trim().toLowerCase();
for(var i=0;i<body.rows.length;i++){var r=body.rows[i];r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;}
}
input.addEventListener('input',filter);
function key(row,col){
var c=row.cells[col];if(!c||c.classList.contains('none'))return '';
var v=c.getAttribute('data-v');
if(v!==null&&v!==''){var n=parseFloat(v);if(!isNaN(n))return n;}
return c.textContent.trim();
}
var heads=table.tHead.rows[0].cells;
function sort(col,up){
Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
heads[col].setAttribute('aria-sort',up?'ascending':'descending');
var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(a,b){
var x=key(a,col),y=key(b,col);
// rows without a figure go last either way
if(x==='')return y===''?0:1;if(y==='')return -1;
var d=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y),'zh');
return up?d:-d;
});
rows.forEach(function(r){body.appendChild(r);});
}
Array.prototype.forEach.call(heads,function(th,col){
if(!th.classList.contains('sort'))return;
th.tabIndex=0;
function toggle(){sort(col,th.getAttribute('aria-sort')!=='ascending');}
th.addEventListener('click',toggle);
th.addEventListener('keydown',function(e){if(e.key==='Enter')toggle();});
});
var params=new URLSearchParams(location.search),q=params.get('q'),by=params.get('sort');
if(by){
var down=by.charAt(0)==='-',name=down?by.slice(1):by;
Array.prototype.forEach.call(heads,function(th,col){if(th.getAttribute('data-key')===name)sort(col,!down);});
}
if(q){input.value=q;filter();}
})();
